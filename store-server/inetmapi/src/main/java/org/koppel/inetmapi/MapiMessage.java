package org.koppel.inetmapi;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.Recipient;

/**
 * A MAPI message as the conversions out of MAPI read it: properties, recipients and attachments, whose
 * data is opened (streamed) only when written. {@link ContentMessage} adapts a message in memory,
 * {@link StoredMessage} one in a store.
 */
public interface MapiMessage {

    List<PropValue> properties();

    List<Recipient> recipients();

    List<Attachment> attachments();

    /** A property's value, if the message has it. */
    default Optional<PropValue> property(PropTag tag) {
        for (PropValue v : properties()) {
            if (v.tag().equals(tag)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** One attachment: its properties, and its data or the message embedded in it. */
    interface Attachment {

        List<PropValue> properties();

        /** The data of an attachment by value (empty for an embedded message). */
        InputStream open() throws IOException;

        /** The embedded message of an ATTACH_EMBEDDED_MSG attachment. */
        Optional<MapiMessage> embedded();

        default Optional<PropValue> property(PropTag tag) {
            for (PropValue v : properties()) {
                if (v.tag().equals(tag)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }
}
