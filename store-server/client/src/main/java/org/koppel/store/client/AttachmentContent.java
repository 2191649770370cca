package org.koppel.store.client;

import java.util.List;
import org.koppel.mapi.PropValue;

/** An attachment to add: data by value (streamed into the blob store), or an embedded message. */
public sealed interface AttachmentContent {

    List<PropValue> properties();

    record ByValue(List<PropValue> properties, InputStreamSource data) implements AttachmentContent {
        public ByValue {
            properties = List.copyOf(properties);
        }
    }

    record Embedded(List<PropValue> properties, MessageContent message) implements AttachmentContent {
        public Embedded {
            properties = List.copyOf(properties);
        }
    }
}
