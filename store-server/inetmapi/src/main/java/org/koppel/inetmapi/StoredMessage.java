package org.koppel.inetmapi;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.AttachmentInfo;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;

/**
 * A message in a store read as a {@link MapiMessage}: loaded once (properties, recipients, attachment
 * table), attachment data streamed from the store when a conversion writes it.
 */
public final class StoredMessage implements MapiMessage {

    private final Session session;
    private final MessageData data;

    public StoredMessage(Session session, EntryId message) {
        this(session, session.messages().load(message));
    }

    private StoredMessage(Session session, MessageData data) {
        this.session = session;
        this.data = data;
    }

    @Override
    public List<PropValue> properties() {
        return data.properties();
    }

    @Override
    public List<Recipient> recipients() {
        return data.recipients();
    }

    @Override
    public List<Attachment> attachments() {
        List<Attachment> out = new ArrayList<>(data.attachments().size());
        for (AttachmentInfo a : data.attachments()) {
            out.add(new Attachment() {
                @Override
                public List<PropValue> properties() {
                    return a.properties();
                }

                @Override
                public InputStream open() {
                    return a.embeddedMessage().isPresent() ? InputStream.nullInputStream()
                            : session.attachments().open(data.entryId(), a.attachNum());
                }

                @Override
                public Optional<MapiMessage> embedded() {
                    return a.embeddedMessage().map(id -> new StoredMessage(session, id));
                }
            });
        }
        return out;
    }
}
