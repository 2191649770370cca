package org.koppel.dagent.plugin;

import java.util.List;
import org.koppel.store.client.InputStreamSource;

/**
 * A received message before it is converted: the envelope sender (empty for {@code MAIL FROM:<>}), the
 * accepted recipient addresses, the size in bytes, and the raw message, which may be opened (and read to its
 * end) any number of times.
 */
public record Envelope(String sender, List<String> recipients, long size, InputStreamSource message) {
    public Envelope {
        recipients = List.copyOf(recipients);
    }
}
