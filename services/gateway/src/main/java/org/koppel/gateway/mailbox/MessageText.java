package org.koppel.gateway.mailbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.koppel.store.client.InputStreamSource;

/**
 * A message's RFC 5322 text as IMAP and POP3 serve it: the original as delivered when the store kept it
 * (byte for byte), else the MIME rendering of the MAPI message. Its size is exact: RFC822.SIZE and
 * BODY[] agree, and partial fetches slice the same bytes.
 *
 * @param size   octets of the text
 * @param source opens the text from the start, as often as needed
 */
public record MessageText(long size, InputStreamSource source) {

    /** A text held in memory (small messages, which the gateway keeps in its cache). */
    public static MessageText of(byte[] bytes) {
        return new MessageText(bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    public InputStream open() throws IOException {
        return source.open();
    }
}
