package org.koppel.gateway.imap.message;

import java.io.IOException;
import java.io.InputStream;

/** Opens the raw RFC 5322 octets of one message, as stored, afresh on each call. */
@FunctionalInterface
public interface MessageSource {

    InputStream open() throws IOException;
}
