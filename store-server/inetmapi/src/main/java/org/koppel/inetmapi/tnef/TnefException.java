package org.koppel.inetmapi.tnef;

import java.io.IOException;

/**
 * A TNEF stream (or the compressed RTF in it) that cannot be decoded. Checked, and an IOException so a
 * caller that reads TNEF out of a MIME part handles it with the part's other I/O failures.
 */
public sealed class TnefException extends IOException permits TnefException.Corrupt, TnefException.LimitExceeded {

    private static final long serialVersionUID = 1L;

    TnefException(String message) {
        super(message);
    }

    /** The bytes do not follow the format: bad signature, checksum or CRC, truncation, impossible lengths. */
    public static final class Corrupt extends TnefException {
        private static final long serialVersionUID = 1L;

        Corrupt(String message) {
            super(message);
        }

        Corrupt(String message, Throwable cause) {
            super(message);
            initCause(cause);
        }
    }

    /** The stream may be well formed but asks for more than the configured {@link TnefLimits} allow. */
    public static final class LimitExceeded extends TnefException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message);
        }
    }
}
