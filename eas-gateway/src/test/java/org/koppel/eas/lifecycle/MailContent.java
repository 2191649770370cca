package org.koppel.eas.lifecycle;

import java.util.List;
import java.util.Optional;
import org.koppel.backend.Body;
import org.koppel.backend.BodyType;
import org.koppel.backend.ClientChange;
import org.koppel.backend.EmailItem;
import org.koppel.backend.EmailUpdate;
import org.koppel.backend.Flag;
import org.koppel.backend.Importance;
import org.koppel.backend.Item;
import org.koppel.eas.sync.ApplicationDataDecoder;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.sync.ItemConversionException;
import org.koppel.eas.sync.SyncContent;
import org.koppel.eas.sync.SyncOptions;

/** The Email class for these tests over {@link MailData}, until the email codec is merged. */
final class MailContent implements SyncContent<MailData> {

    @Override
    public ApplicationDataDecoder<MailData> decoder() {
        return MailData.DECODER;
    }

    @Override
    public ClientChange.Change change(String serverId, MailData data) throws ItemConversionException {
        Optional<Flag> flag = data.flagStatus().map(s -> switch (s) {
            case 0 -> Flag.cleared();
            case 1 -> Flag.complete(java.time.Instant.now());
            default -> Flag.active(data.flagType().orElse("Follow up"), Optional.empty(), Optional.empty());
        });
        if (data.subject().isPresent()) {
            throw new ItemConversionException("a received message's subject cannot be changed", null);
        }
        return new ClientChange.Change(serverId, new EmailUpdate(data.read(), flag, data.categories()));
    }

    @Override
    public Item newItem(MailData data) throws ItemConversionException {
        if (data.subject().isEmpty()) {
            throw new ItemConversionException("a draft needs a subject here", null);
        }
        return EmailItem.draft(List.of(), List.of(), data.subject().get(), Importance.NORMAL,
                data.body().map(b -> new Body(BodyType.PLAIN_TEXT, b.length(), false,
                        Optional.of(new Body.Text(b)), Optional.empty())));
    }

    @Override
    public ApplicationDataWriter item(Item item) {
        EmailItem e = (EmailItem) item;
        MailData d = MailData.none().withSubject(e.subject()).withRead(e.read());
        if (e.flag().isPresent()) {
            d = d.withFlag(e.flag().get().status().code(), e.flag().get().flagType());
        }
        if (!e.categories().isEmpty()) {
            d = d.withCategories(e.categories());
        }
        if (e.body().flatMap(Body::data).orElse(null) instanceof Body.Text t) {
            d = d.withBody(t.text());
        }
        MailData data = d;
        // Categories are an Email element of 14.0 and later only.
        return out -> (out.atLeast(org.koppel.eas.wbxml.ProtocolVersion.V14_0) ? data
                : new MailData(data.subject(), data.read(), data.flagStatus(), data.flagType(), Optional.empty(),
                        data.body())).write(out);
    }

    @Override
    public ApplicationDataWriter readFlag(boolean read) {
        return MailData.none().withRead(read);
    }

    @Override
    public List<org.koppel.backend.BodyPreference> bodyPreferences(SyncOptions options) {
        return options.bodyPreferences().stream()
                .map(b -> new org.koppel.backend.BodyPreference(BodyType.fromCode(b.type()),
                        b.truncationSize().map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty()),
                        b.allOrNone().orElse(false), b.preview().orElse(0)))
                .toList();
    }
}
