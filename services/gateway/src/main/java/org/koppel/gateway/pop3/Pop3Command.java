package org.koppel.gateway.pop3;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The POP3 commands served (RFC 1939, RFC 2449 CAPA, RFC 2595 STLS, RFC 5034 AUTH), each with the states it
 * is valid in and how many arguments it takes. APOP is not offered.
 */
enum Pop3Command {
    CAPA(EnumSet.allOf(Pop3State.class), 0, 0),
    STLS(EnumSet.of(Pop3State.AUTHORIZATION), 0, 0),
    USER(EnumSet.of(Pop3State.AUTHORIZATION), 1, 1),
    PASS(EnumSet.of(Pop3State.AUTHORIZATION), 1, 1),
    AUTH(EnumSet.of(Pop3State.AUTHORIZATION), 0, 2),
    STAT(EnumSet.of(Pop3State.TRANSACTION), 0, 0),
    LIST(EnumSet.of(Pop3State.TRANSACTION), 0, 1),
    UIDL(EnumSet.of(Pop3State.TRANSACTION), 0, 1),
    RETR(EnumSet.of(Pop3State.TRANSACTION), 1, 1),
    TOP(EnumSet.of(Pop3State.TRANSACTION), 2, 2),
    DELE(EnumSet.of(Pop3State.TRANSACTION), 1, 1),
    RSET(EnumSet.of(Pop3State.TRANSACTION), 0, 0),
    NOOP(EnumSet.of(Pop3State.TRANSACTION), 0, 0),
    QUIT(EnumSet.allOf(Pop3State.class), 0, 0);

    private final Set<Pop3State> states;
    private final int minArgs;
    private final int maxArgs;

    Pop3Command(Set<Pop3State> states, int minArgs, int maxArgs) {
        this.states = states;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    boolean validIn(Pop3State state) {
        return states.contains(state);
    }

    /** Whether the command's argument is the rest of the line, spaces included (PASS, USER). */
    boolean restOfLine() {
        return this == PASS || this == USER;
    }

    boolean acceptsArgs(int n) {
        return n >= minArgs && n <= maxArgs;
    }

    /** The command a keyword names (any case); empty for unknown ones. */
    static Optional<Pop3Command> named(String keyword) {
        String k = keyword.toUpperCase(Locale.ROOT);
        for (Pop3Command c : values()) {
            if (c.name().equals(k)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
