package org.koppel.inetmapi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;

/** A message in memory (what a conversion into MAPI made, or a test built) read as a {@link MapiMessage}. */
public record ContentMessage(MessageContent content) implements MapiMessage {

    @Override
    public List<PropValue> properties() {
        return content.properties();
    }

    @Override
    public List<Recipient> recipients() {
        return content.recipients();
    }

    @Override
    public List<Attachment> attachments() {
        List<Attachment> out = new ArrayList<>(content.attachments().size());
        for (AttachmentContent a : content.attachments()) {
            out.add(new Attachment() {
                @Override
                public List<PropValue> properties() {
                    return a.properties();
                }

                @Override
                public InputStream open() throws IOException {
                    return a instanceof AttachmentContent.ByValue v ? v.data().open() : InputStream.nullInputStream();
                }

                @Override
                public Optional<MapiMessage> embedded() {
                    return a instanceof AttachmentContent.Embedded e ? Optional.of(new ContentMessage(e.message()))
                            : Optional.empty();
                }
            });
        }
        return out;
    }
}
