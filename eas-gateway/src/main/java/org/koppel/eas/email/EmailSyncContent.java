package org.koppel.eas.email;

import java.util.List;
import java.util.Optional;
import org.koppel.backend.BodyPreference;
import org.koppel.backend.ClientChange;
import org.koppel.backend.EmailItem;
import org.koppel.backend.Item;
import org.koppel.eas.sync.ApplicationDataDecoder;
import org.koppel.eas.sync.ApplicationDataWriter;
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
    public ClientChange.Change change(String serverId, EmailFields data) throws ItemConversionException {
        try {
            return new ClientChange.Change(serverId, data.toUpdate());
        } catch (EmailConversionException e) {
            throw new ItemConversionException(String.join("; ", e.problems()), e);
        }
    }

    @Override
    public Item newItem(EmailFields data) throws ItemConversionException {
        try {
            return data.toDraft();
        } catch (EmailConversionException e) {
            throw new ItemConversionException(String.join("; ", e.problems()), e);
        }
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
