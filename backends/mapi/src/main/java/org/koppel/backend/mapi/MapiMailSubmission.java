package org.koppel.backend.mapi;

import static org.koppel.mapi.PropTags.PR_DELETE_AFTER_SUBMIT;
import static org.koppel.mapi.PropTags.PR_SENTMAIL_ENTRYID;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.koppel.backend.BackendException;
import org.koppel.backend.MailSubmission;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.mime.ConvertedMessage;
import org.koppel.inetmapi.mime.MimeReader;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.WellKnownFolder;

/**
 * SendMail: the client's MIME parsed once by inetmapi, saved in the Outbox and submitted; the spooler sends
 * it and moves it to Sent Items (or deletes it when no copy is wanted). Nothing waits for the spooler.
 */
final class MapiMailSubmission implements MailSubmission {

    private final Session session;
    private final StoreInfo store;
    private final NamedTagMap names;
    private final Clock clock;

    MapiMailSubmission(Session session, StoreInfo store, NamedTagMap names, Clock clock) {
        this.session = session;
        this.store = store;
        this.names = names;
        this.clock = clock;
    }

    @Override
    public void send(InputStream mime, boolean saveInSentItems) {
        try (ConvertedMessage converted = new MimeReader(names).read(mime, clock.instant())) {
            MessageContent c = converted.content();
            if (c.recipients().isEmpty()) {
                throw new BackendException.Failed("the message has no recipients", null);
            }
            List<PropValue> props = new ArrayList<>(c.properties());
            props.removeIf(v -> v.tag().id() == PR_SENTMAIL_ENTRYID.id() || v.tag().id() == PR_DELETE_AFTER_SUBMIT.id());
            if (saveInSentItems) {
                props.add(PropValue.of(PR_SENTMAIL_ENTRYID, store.folder(WellKnownFolder.SENT_ITEMS).bytes()));
            } else {
                props.add(PropValue.of(PR_DELETE_AFTER_SUBMIT, true));
            }
            EntryId message = session.messages().create(store.folder(WellKnownFolder.OUTBOX),
                    new MessageContent(props, c.recipients(), c.attachments(), false));
            session.messages().submit(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }
}
