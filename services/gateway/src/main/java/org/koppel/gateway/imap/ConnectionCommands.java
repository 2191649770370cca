package org.koppel.gateway.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The commands valid in any state (RFC 9051 6.1), ENABLE (RFC 5161), ID (RFC 2971), COMPRESS (RFC 4978). */
final class ConnectionCommands {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCommands.class);
    /** What ENABLE can switch on. */
    private static final List<String> ENABLEABLE = List.of("CONDSTORE", "QRESYNC", "IMAP4REV2", "UTF8=ACCEPT");

    CommandHandler<ImapCommand.Capability> capability() {
        return CommandHandler.of(Commands.ANY, (c, s) -> {
            s.out().line("* CAPABILITY " + Capabilities.list(s));
            s.complete(c, "CAPABILITY completed.");
        });
    }

    CommandHandler<ImapCommand.Noop> noop() {
        return CommandHandler.of(Commands.ANY, (c, s) -> {
            s.poll();
            s.complete(c, "NOOP completed.");
        });
    }

    CommandHandler<ImapCommand.Logout> logout() {
        return CommandHandler.of(Commands.ANY, (c, s) -> {
            s.out().untagged("BYE", Optional.empty(), "Logging out.");
            s.out().tagged(c.tag(), "OK", Optional.empty(), "LOGOUT completed.");
            s.logout();
        });
    }

    CommandHandler<ImapCommand.Id> id() {
        return CommandHandler.of(Commands.ANY, (c, s) -> {
            if (!c.parameters().isEmpty()) {
                LOG.debug("IMAP client from {} says it is {}", s.connection().remote(), c.parameters());
            }
            ImapOutput o = s.out();
            s.out().line("* ID (" + o.string("name") + " " + o.string("Koppel") + " " + o.string("vendor") + " "
                    + o.string("Koppel") + " " + o.string("support-url") + " " + o.string("https://koppel.invalid/")
                    + ")");
            s.complete(c, "ID completed.");
        });
    }

    CommandHandler<ImapCommand.Enable> enable() {
        return CommandHandler.of(Commands.AUTHENTICATED, (c, s) -> {
            List<String> now = new ArrayList<>();
            for (String cap : c.capabilities()) {
                if (ENABLEABLE.contains(cap) && !s.isEnabled(cap)) {
                    s.enable(cap);
                    now.add(cap);
                }
            }
            s.out().line("* ENABLED" + (now.isEmpty() ? "" : " " + String.join(" ", now)));
            s.complete(c, "ENABLE completed.");
        });
    }

    CommandHandler<ImapCommand.Compress> compress() {
        return CommandHandler.of(Commands.AUTHENTICATED, (c, s) -> {
            if (s.compressed()) {
                s.fail(c.tag(), "COMPRESSIONACTIVE", "DEFLATE is already on.");
                return;
            }
            if (!c.mechanism().equals("DEFLATE")) {
                s.bad(c.tag(), "Only DEFLATE is offered.");
                return;
            }
            s.out().tagged(c.tag(), "OK", Optional.empty(), "DEFLATE active.");
            s.compress();
        });
    }
}
