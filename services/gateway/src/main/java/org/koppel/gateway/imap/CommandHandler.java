package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.Set;
import org.koppel.gateway.imap.syntax.ImapCommand;

/**
 * Carries out one kind of command for a session and writes its responses, ending with the tagged one
 * (through {@link ImapSession#complete} or {@link ImapSession#fail}).
 */
interface CommandHandler<C extends ImapCommand> {

    /** The states the command is valid in; anywhere else it is answered BAD and counted. */
    Set<SessionState> states();

    void handle(C command, ImapSession session) throws IOException;

    /** The body of a handler. */
    @FunctionalInterface
    interface Body<C> {
        void handle(C command, ImapSession session) throws IOException;
    }

    /** A handler of a command valid in {@code states}, doing {@code body}. */
    static <C extends ImapCommand> CommandHandler<C> of(Set<SessionState> states, Body<C> body) {
        return new CommandHandler<>() {
            @Override
            public Set<SessionState> states() {
                return states;
            }

            @Override
            public void handle(C command, ImapSession session) throws IOException {
                body.handle(command, session);
            }
        };
    }
}
