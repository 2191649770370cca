package org.koppel.gateway.imap.message;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/** The Content-Transfer-Encodings (RFC 2045 6) and how to undo them. */
public enum TransferDecoding {
    IDENTITY, QUOTED_PRINTABLE, BASE64;

    /** The decoding for a Content-Transfer-Encoding value, or empty for an unknown one (BINARY's UNKNOWN-CTE). */
    public static Optional<TransferDecoding> of(String encoding) {
        return switch (encoding.strip().toLowerCase(Locale.ROOT)) {
            case "7bit", "8bit", "binary", "" -> Optional.of(IDENTITY);
            case "quoted-printable" -> Optional.of(QUOTED_PRINTABLE);
            case "base64" -> Optional.of(BASE64);
            default -> Optional.empty();
        };
    }

    InputStream decode(InputStream in) {
        return switch (this) {
            case IDENTITY -> in;
            case QUOTED_PRINTABLE -> new Progressing(new QuotedPrintableInputStream(in, DecodeMonitor.SILENT));
            case BASE64 -> new Progressing(new Base64InputStream(in, DecodeMonitor.SILENT));
        };
    }

    /**
     * mime4j's decoders may return 0 octets from a read when the input held only characters they skip; Readers
     * and transferTo treat that as an error or spin, so read again (each call consumes input).
     */
    private static final class Progressing extends FilterInputStream {

        private static final int MAX_EMPTY_READS = 1 << 16;

        Progressing(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            for (int i = 0; i < MAX_EMPTY_READS; i++) {
                int n = in.read(b, off, len);
                if (n != 0) {
                    return n;
                }
            }
            return -1;
        }
    }
}
