package org.koppel.gateway.imap;

import java.util.ArrayList;
import java.util.List;

/**
 * The CAPABILITY list (RFC 9051 7.2.2) as it stands for a connection: what is offered before login depends on
 * TLS and on whether plaintext passwords are allowed; after login the extensions.
 */
final class Capabilities {

    /** The extensions offered once logged in, in the order they are listed. */
    private static final List<String> EXTENSIONS = List.of("LITERAL+", "ID", "ENABLE", "IDLE", "NAMESPACE",
            "UIDPLUS", "MOVE", "CONDSTORE", "QRESYNC", "SPECIAL-USE", "LIST-EXTENDED", "LIST-STATUS", "CHILDREN",
            "UNSELECT", "QUOTA", "QUOTA=RES-STORAGE", "SORT", "SORT=DISPLAY", "THREAD=ORDEREDSUBJECT",
            "THREAD=REFERENCES", "ESEARCH", "SEARCHRES", "COMPRESS=DEFLATE", "STATUS=SIZE", "SASL-IR", "MULTIAPPEND",
            "UTF8=ACCEPT", "BINARY");

    private Capabilities() {
    }

    static String list(ImapSession s) {
        List<String> caps = new ArrayList<>(List.of("IMAP4rev1", "IMAP4rev2"));
        if (s.state() == SessionState.NOT_AUTHENTICATED) {
            caps.add("LITERAL+");
            caps.add("SASL-IR");
            caps.add("ID");
            caps.add("ENABLE");
            if (s.connection().canStartTls()) {
                caps.add("STARTTLS");
            }
            if (s.passwordsAllowed()) {
                caps.add("AUTH=PLAIN");
                caps.add("AUTH=LOGIN");
            } else {
                caps.add("LOGINDISABLED");
            }
        } else {
            caps.addAll(EXTENSIONS);
            caps.add("APPENDLIMIT=" + s.context().config().maxLiteralSize());
        }
        return String.join(" ", caps);
    }
}
