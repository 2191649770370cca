package org.koppel.gateway.imap.syntax;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Bounds on what one client command may make the server hold.
 *
 * @param maxLineLength           octets of command text, literals excluded; beyond it the connection is dropped
 * @param maxMessageLiteral       largest APPEND message literal accepted ({@code NO [TOOBIG]} beyond)
 * @param maxStringLiteral        largest literal used as a string argument (user name, search text, mailbox)
 * @param maxNonSynchronizing     largest {@code {n+}} literal: 4096 for LITERAL-, {@code maxMessageLiteral} for
 *                                LITERAL+
 * @param memoryThreshold         message literals up to this size are kept in memory, larger ones in a temp file
 * @param spoolDirectory          where such temp files go; empty for the JVM's temp directory
 */
public record CommandLimits(int maxLineLength, long maxMessageLiteral, int maxStringLiteral, long maxNonSynchronizing,
        int memoryThreshold, Optional<Path> spoolDirectory) {

    /** 64 KiB lines, 64 MiB messages, 64 KiB strings, LITERAL+ up to the message limit, 1 MiB in memory. */
    public static final CommandLimits DEFAULT =
            new CommandLimits(64 * 1024, 64L << 20, 64 * 1024, 64L << 20, 1 << 20, Optional.empty());

    public CommandLimits {
        if (maxLineLength < 1024 || maxMessageLiteral < 0 || maxStringLiteral < 0 || maxNonSynchronizing < 0
                || memoryThreshold < 0) {
            throw new IllegalArgumentException("invalid command limits");
        }
        if (spoolDirectory == null) {
            throw new NullPointerException("spoolDirectory");
        }
    }

    /** The same limits with LITERAL- semantics: non-synchronizing literals of at most 4096 octets (RFC 7888). */
    public CommandLimits literalMinus() {
        return new CommandLimits(maxLineLength, maxMessageLiteral, maxStringLiteral, Math.min(4096, maxNonSynchronizing),
                memoryThreshold, spoolDirectory);
    }
}
