package org.koppel.eas.email;

import java.util.List;
import java.util.Optional;
import org.koppel.backend.BodyPreference;
import org.koppel.backend.ClientChange;
import org.koppel.backend.EmailItem;
import org.koppel.backend.Item;
import org.koppel.eas.sync.ApplicationDataDecoder;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.sync.CollectionContext;
import org.koppel.eas.sync.ItemConversionException;
import org.koppel.eas.sync.SyncContent;
import org.koppel.eas.sync.SyncOptions;

/** The Email class as the Sync handler uses it: this package's codec behind {@link SyncContent}. */
public final class EmailSyncContent implements SyncContent<EmailFields> {

    @Override
    public ApplicationDataDecoder<EmailFields> decoder() {
        return EmailFields.decoder();
    }

    @Override
    public ClientChange.Change change(String serverId, EmailFields data, CollectionContext where)
            throws ItemConversionException {
        try {
            if (!data.readOnlyElements().isEmpty() && where.draftsFrom16()) {
                // A 16.x client editing a draft: its To, Subject, Body... would be ignored below, and the edit lost.
                throw new ItemConversionException("editing a draft's " + data.readOnlyElements()
                        + " is not supported", null);
            }
            // Elsewhere only Read, Flag and Categories change; others sent along are ignored ([MS-ASCMD] 2.2.3.24:
            // extra bandwidth, no error).
            return new ClientChange.Change(serverId, data.toUpdate());
        } catch (EmailConversionException e) {
            throw new ItemConversionException(String.join("; ", e.problems()), e);
        }
    }

    @Override
    public Item newItem(EmailFields data, CollectionContext where) throws ItemConversionException {
        if (!where.draftsFrom16()) {
            // [MS-ASCMD] 2.2.3.7.2: a client that adds email gets Status 6; 16.0 allows drafts in Drafts.
            throw new ItemConversionException("a client adds email only as a draft in Drafts (16.0 and later)", null);
        }
        try {
            return data.toDraft();
        } catch (EmailConversionException e) {
            throw new ItemConversionException(String.join("; ", e.problems()), e);
        }
    }

    /**
     * 0 to 5 are the email windows; 8 (incomplete tasks) answers Status 4 as [MS-ASCMD] 2.2.3.68.2 says. 6 and 7
     * (3 and 6 months) are calendar windows in the specification's table, but phones offer them for mail too
     * and the window is just as clear, so they are honoured.
     */
    @Override
    public boolean definesFilter(int filterType) {
        return filterType >= 0 && filterType <= 7;
    }

    @Override
    public ApplicationDataWriter item(Item item) {
        return switch (item) {
            case EmailItem e -> EmailApplicationData.of(e);
        };
    }

    @Override
    public ApplicationDataWriter readFlag(boolean read) {
        return EmailApplicationData.readChange(read);
    }

    /** The preferences for ordinary mail; S/MIME messages are fetched again ({@link #bodyPreferencesFor}). */
    @Override
    public List<BodyPreference> bodyPreferences(SyncOptions options) {
        return EmailBodyPreferences.of(options).ordinary();
    }

    /** MIMESupport 1: an S/MIME message (signed or encrypted) comes as MIME, ordinary ones do not. */
    @Override
    public Optional<List<BodyPreference>> bodyPreferencesFor(Item item, SyncOptions options) {
        if (!(item instanceof EmailItem e) || !EmailBodyPreferences.isSmime(e.messageClass())) {
            return Optional.empty();
        }
        EmailBodyPreferences p = EmailBodyPreferences.of(options);
        return p.smime().equals(p.ordinary()) ? Optional.empty() : Optional.of(p.smime());
    }
}
