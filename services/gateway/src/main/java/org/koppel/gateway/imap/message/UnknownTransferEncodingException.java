package org.koppel.gateway.imap.message;

/** BINARY was asked for a part whose Content-Transfer-Encoding is unknown: {@code NO [UNKNOWN-CTE]} (RFC 3516). */
public final class UnknownTransferEncodingException extends Exception {

    public UnknownTransferEncodingException(String encoding) {
        super("Unknown Content-Transfer-Encoding " + encoding, null, false, false);
    }
}
