package org.koppel.gateway.imap.syntax;

import java.util.Optional;

/**
 * The bracketed code of a status response ({@code [UIDNEXT 12]}, {@code [TRYCREATE]}): an atom and its arguments
 * already in wire form.
 */
public record ResponseCode(String name, Optional<String> arguments) {

    public static final ResponseCode ALERT = of("ALERT");
    public static final ResponseCode TRYCREATE = of("TRYCREATE");
    public static final ResponseCode TOOBIG = of("TOOBIG");
    public static final ResponseCode READ_ONLY = of("READ-ONLY");
    public static final ResponseCode READ_WRITE = of("READ-WRITE");
    public static final ResponseCode NONEXISTENT = of("NONEXISTENT");
    public static final ResponseCode ALREADYEXISTS = of("ALREADYEXISTS");
    public static final ResponseCode AUTHENTICATIONFAILED = of("AUTHENTICATIONFAILED");
    public static final ResponseCode CANNOT = of("CANNOT");
    public static final ResponseCode NOPERM = of("NOPERM");
    public static final ResponseCode OVERQUOTA = of("OVERQUOTA");
    public static final ResponseCode SERVERBUG = of("SERVERBUG");
    public static final ResponseCode CLIENTBUG = of("CLIENTBUG");
    public static final ResponseCode UNAVAILABLE = of("UNAVAILABLE");
    public static final ResponseCode LIMIT = of("LIMIT");
    public static final ResponseCode NOMODSEQ = of("NOMODSEQ");
    public static final ResponseCode CLOSED = of("CLOSED");
    public static final ResponseCode EXPUNGEISSUED = of("EXPUNGEISSUED");
    public static final ResponseCode INUSE = of("INUSE");

    public ResponseCode {
        if (name.isEmpty() || name.indexOf(' ') >= 0 || name.indexOf(']') >= 0) {
            throw new IllegalArgumentException("invalid response code " + name);
        }
        if (arguments.isPresent() && (arguments.get().indexOf('\r') >= 0 || arguments.get().indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("response code arguments span lines");
        }
    }

    public static ResponseCode of(String name) {
        return new ResponseCode(name, Optional.empty());
    }

    /** A code with arguments in wire form: {@code of("UIDNEXT", "12")}, {@code of("PERMANENTFLAGS", "(\\Seen \\*)")}. */
    public static ResponseCode of(String name, String arguments) {
        return new ResponseCode(name, Optional.of(arguments));
    }

    /** {@code [BADCHARSET (UTF-8 US-ASCII)]}. */
    public static ResponseCode badCharset(String... supported) {
        return supported.length == 0 ? of("BADCHARSET") : of("BADCHARSET", "(" + String.join(" ", supported) + ")");
    }

    /** The wire form without brackets. */
    @Override
    public String toString() {
        return arguments.map(a -> name + " " + a).orElse(name);
    }
}
