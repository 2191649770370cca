package org.koppel.gateway.pop3;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.koppel.gateway.GatewayConfig;
import org.koppel.gateway.auth.Authenticator;
import org.koppel.gateway.auth.LoginResult;
import org.koppel.gateway.auth.SaslExchange;
import org.koppel.gateway.net.Connection;
import org.koppel.gateway.mailbox.FolderSnapshots;
import org.koppel.gateway.mailbox.MessageText;
import org.koppel.gateway.mailbox.MessageTexts;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POP3 session on one connection (RFC 1939 with RFC 2449 CAPA and response codes, RFC 2595 STLS,
 * RFC 5034 AUTH PLAIN): AUTHORIZATION until a login succeeds, then TRANSACTION on a {@link Maildrop}
 * snapshot; QUIT applies the deletions (UPDATE), a dropped connection applies none.
 */
final class Pop3Session {

    private static final Logger LOG = LoggerFactory.getLogger(Pop3Session.class);
    /** SASL rounds one AUTH may take: PLAIN needs one. */
    private static final int MAX_SASL_ROUNDS = 3;

    /** Whether the session goes on after a command. */
    private enum Next {
        CONTINUE,
        CLOSE
    }

    private final GatewayConfig config;
    private final Authenticator authenticator;
    private final MaildropLocks locks;
    private final MessageTexts texts;
    private final FolderSnapshots snapshots;
    private final Connection connection;
    private final LineReader reader;
    private Pop3State state = Pop3State.AUTHORIZATION;
    private int badCommands;
    private String pendingUser;
    private Session session;
    private Maildrop maildrop;

    Pop3Session(GatewayConfig config, Authenticator authenticator, MaildropLocks locks, MessageTexts texts,
            FolderSnapshots snapshots, Connection connection) {
        this.texts = texts;
        this.snapshots = snapshots;
        this.config = config;
        this.authenticator = authenticator;
        this.locks = locks;
        this.connection = connection;
        this.reader = new LineReader(config.maxLineLength());
    }

    /** Serves the session until QUIT, a dropped connection, too many bad commands or the idle timeout. */
    void serve() throws IOException {
        try {
            connection.idleTimeout(config.pop3IdleTimeout());
            ok(config.hostname() + " Koppel POP3 server ready");
            flush();
            while (true) {
                LineReader.Result read;
                try {
                    read = reader.read(connection.in());
                } catch (SocketTimeoutException e) {
                    // RFC 1939 section 3: the autologout timer closes without a response and without UPDATE.
                    LOG.debug("POP3 connection from {} idle for {}: closed", connection.remote(),
                            config.pop3IdleTimeout());
                    return;
                }
                Next next = switch (read) {
                    case LineReader.End end -> Next.CLOSE;
                    case LineReader.TooLong tooLong -> bad("line too long");
                    case LineReader.Line line -> command(line.text());
                };
                if (next == Next.CLOSE) {
                    flush();
                    return;
                }
                // Pipelined commands (RFC 2449 PIPELINING) are answered together.
                if (connection.in().available() == 0) {
                    flush();
                }
            }
        } finally {
            end();
        }
    }

    private Next command(String line) throws IOException {
        Pop3Request.Parsed parsed = Pop3Request.parse(line);
        if (parsed.problem().isPresent()) {
            return bad(parsed.problem().get() == Pop3Request.Problem.UNKNOWN_COMMAND ? "unknown command"
                    : "wrong arguments");
        }
        Pop3Request r = parsed.request().get();
        if (!r.command().validIn(state)) {
            return bad(r.command() + " is not valid in the " + state + " state");
        }
        try {
            return dispatch(r);
        } catch (MapiException | java.io.UncheckedIOException e) {
            // The store failed before the response began (multi-line bodies handle their own failures).
            LOG.warn("POP3 {} for {} failed in the store: {}", r.command(),
                    session == null ? "?" : session.user().login(), e.toString());
            return err("[SYS/TEMP] The mail store failed; try again later");
        }
    }

    private Next dispatch(Pop3Request r) throws IOException {
        return switch (r.command()) {
            case CAPA -> capa();
            case STLS -> stls();
            case USER -> user(r.args().get(0));
            case PASS -> pass(r.args().get(0));
            case AUTH -> auth(r.args());
            case STAT -> stat();
            case LIST -> list(r.args());
            case UIDL -> uidl(r.args());
            case RETR -> retr(r.args().get(0));
            case TOP -> top(r.args().get(0), r.args().get(1));
            case DELE -> dele(r.args().get(0));
            case RSET -> rset();
            case NOOP -> ok("");
            case QUIT -> quit();
        };
    }

    // ---- AUTHORIZATION

    private boolean plaintextAllowed() {
        return !config.disablePlaintextAuth() || connection.secure();
    }

    private Next capa() throws IOException {
        ok("Capability list follows");
        line("TOP");
        line("UIDL");
        line("RESP-CODES");
        line("AUTH-RESP-CODE");
        line("PIPELINING");
        if (state == Pop3State.AUTHORIZATION) {
            if (plaintextAllowed()) {
                line("USER");
                line("SASL PLAIN");
            }
            if (connection.canStartTls()) {
                line("STLS");
            }
        }
        line("IMPLEMENTATION Koppel");
        line(".");
        return Next.CONTINUE;
    }

    private Next stls() throws IOException {
        if (!connection.canStartTls()) {
            return err(connection.secure() ? "Already under TLS" : "TLS is not available");
        }
        ok("Begin TLS negotiation");
        flush();
        try {
            connection.startTls();
        } catch (IOException e) {
            LOG.debug("POP3 STLS handshake with {} failed: {}", connection.remote(), e.toString());
            return Next.CLOSE;
        }
        // RFC 2595: forget anything learnt before TLS.
        pendingUser = null;
        return Next.CONTINUE;
    }

    private Next user(String name) throws IOException {
        if (!plaintextAllowed()) {
            return err("[AUTH] Plaintext authentication disallowed on non-secure connections; use STLS");
        }
        pendingUser = name;
        return ok("Send your password");
    }

    private Next pass(String password) throws IOException {
        if (pendingUser == null) {
            return bad("USER first");
        }
        String user = pendingUser;
        pendingUser = null;
        if (!plaintextAllowed()) {
            return err("[AUTH] Plaintext authentication disallowed on non-secure connections; use STLS");
        }
        return loggedIn(authenticator.login(user, password, connection.remote().getAddress()));
    }

    private Next auth(List<String> args) throws IOException {
        if (args.isEmpty()) {
            // The mechanism list of RFC 1734's AUTH without arguments, which clients still probe.
            ok("Supported mechanisms follow");
            if (plaintextAllowed()) {
                line("PLAIN");
            }
            line(".");
            return Next.CONTINUE;
        }
        Optional<SaslExchange.Mechanism> mechanism = SaslExchange.Mechanism.named(args.get(0))
                .filter(m -> m == SaslExchange.Mechanism.PLAIN);
        if (mechanism.isEmpty()) {
            return err("Unsupported authentication mechanism");
        }
        if (!plaintextAllowed()) {
            return err("[AUTH] Plaintext authentication disallowed on non-secure connections; use STLS");
        }
        Optional<byte[]> initial = Optional.empty();
        if (args.size() == 2) {
            Optional<byte[]> decoded = args.get(1).equals("=") ? Optional.of(new byte[0]) : base64(args.get(1));
            if (decoded.isEmpty()) {
                return bad("Invalid base64 in the initial response");
            }
            initial = decoded;
        }
        SaslExchange exchange = new SaslExchange(mechanism.get());
        SaslExchange.Step step = exchange.start(initial);
        for (int round = 0; round < MAX_SASL_ROUNDS; round++) {
            switch (step) {
                case SaslExchange.Credentials c -> {
                    return loggedIn(authenticator.login(c.credentials(), connection.remote().getAddress()));
                }
                case SaslExchange.Malformed m -> {
                    return err("[AUTH] Authentication failed: " + m.reason());
                }
                case SaslExchange.Challenge challenge -> {
                    write("+ " + Base64.getEncoder().encodeToString(challenge.data()));
                    flush();
                    LineReader.Result read = reader.read(connection.in());
                    if (!(read instanceof LineReader.Line line)) {
                        return read instanceof LineReader.End ? Next.CLOSE : bad("line too long");
                    }
                    if (line.text().equals("*")) {
                        return err("Authentication cancelled");
                    }
                    Optional<byte[]> answer = base64(line.text());
                    if (answer.isEmpty()) {
                        return err("[AUTH] Authentication failed: invalid base64");
                    }
                    step = exchange.next(answer.get());
                }
            }
        }
        return err("[AUTH] Authentication failed");
    }

    private static Optional<byte[]> base64(String text) {
        try {
            return Optional.of(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Next loggedIn(LoginResult result) throws IOException {
        return switch (result) {
            case LoginResult.Failure f -> switch (f.reason()) {
                case BAD_CREDENTIALS -> err("[AUTH] Authentication failed");
                case THROTTLED -> err("[LOGIN-DELAY] Too many failed logins; try again later");
                case FEATURE_DISABLED -> err("[AUTH] POP3 access is disabled for this user");
                case AUTHZ_REFUSED -> err("[AUTH] Logging in as another user is not allowed");
                case UNAVAILABLE -> err("[SYS/TEMP] The mail store is unavailable; try again later");
            };
            case LoginResult.Success s -> open(s.session());
        };
    }

    private Next open(Session logged) throws IOException {
        long userId = logged.user().id();
        if (!locks.lock(userId)) {
            logged.close();
            return err("[IN-USE] The maildrop is in use by another POP3 session");
        }
        try {
            maildrop = Maildrop.open(logged, texts, snapshots);
        } catch (RuntimeException e) {
            locks.unlock(userId);
            logged.close();
            LOG.warn("POP3: the Inbox of {} cannot be listed: {}", logged.user().login(), e.toString());
            return err("[SYS/TEMP] The maildrop cannot be opened; try again later");
        }
        session = logged;
        state = Pop3State.TRANSACTION;
        LOG.debug("POP3 login of {} from {}: {} messages", logged.user().login(), connection.remote(),
                maildrop.count());
        return ok("Logged in, " + maildrop.count() + " messages");
    }

    // ---- TRANSACTION

    private Next stat() throws IOException {
        return ok(maildrop.visibleCount() + " " + maildrop.visibleSize());
    }

    private Next list(List<String> args) throws IOException {
        if (args.isEmpty()) {
            ok(maildrop.visibleCount() + " messages (" + maildrop.visibleSize() + " octets)");
            for (int i = 1; i <= maildrop.count(); i++) {
                if (!maildrop.deleted(i)) {
                    line(i + " " + maildrop.size(i));
                }
            }
            line(".");
            return Next.CONTINUE;
        }
        Integer n = message(args.get(0));
        if (n == null) {
            return invalidNumber(args.get(0));
        }
        return ok(n + " " + maildrop.size(n));
    }

    private Next uidl(List<String> args) throws IOException {
        if (args.isEmpty()) {
            ok("Unique-id listing follows");
            for (int i = 1; i <= maildrop.count(); i++) {
                if (!maildrop.deleted(i)) {
                    line(i + " " + maildrop.uniqueId(i));
                }
            }
            line(".");
            return Next.CONTINUE;
        }
        Integer n = message(args.get(0));
        if (n == null) {
            return invalidNumber(args.get(0));
        }
        return ok(n + " " + maildrop.uniqueId(n));
    }

    private Next retr(String arg) throws IOException {
        Integer n = message(arg);
        if (n == null) {
            return invalidNumber(arg);
        }
        long size;
        MessageText message;
        try {
            size = maildrop.size(n);
            message = maildrop.text(n);
        } catch (MapiException e) {
            return err("Message " + n + " is no longer in the maildrop");
        }
        ok(size + " octets");
        if (!send(message, n, Optional.empty())) {
            return Next.CLOSE;
        }
        try {
            maildrop.markRead(n);
        } catch (MapiException e) {
            LOG.debug("POP3: message {} not marked read: {}", n, e.toString());
        }
        return Next.CONTINUE;
    }

    private Next top(String arg, String linesArg) throws IOException {
        Integer n = message(arg);
        if (n == null) {
            return invalidNumber(arg);
        }
        long lines;
        if (!linesArg.matches("[0-9]{1,9}")) {
            return bad("The number of lines must be a non-negative number");
        }
        lines = Long.parseLong(linesArg);
        MessageText message;
        try {
            message = maildrop.text(n);
        } catch (MapiException e) {
            return err("Message " + n + " is no longer in the maildrop");
        }
        ok("Top of message follows");
        return send(message, n, Optional.of(lines)) ? Next.CONTINUE : Next.CLOSE;
    }

    /**
     * Streams a message (or TOP's part of it) as a multi-line response after a +OK already written. False
     * when the store failed in the middle: the response cannot be ended meaningfully, the session closes.
     */
    private boolean send(MessageText message, int n, Optional<Long> topLines) throws IOException {
        DotStuffing body = new DotStuffing(connection.out());
        OutputStream target = topLines.isPresent() ? new TopFilter(body, topLines.get()) : body;
        try {
            try (java.io.InputStream in = message.open()) {
                in.transferTo(target);
            }
        } catch (TopFilter.Enough enough) {
            // TOP has what it sends.
        } catch (MapiException | java.io.UncheckedIOException e) {
            LOG.warn("POP3: message {} of {} could not be sent: {}", n, session.user().login(), e.toString());
            return false;
        }
        body.finish();
        return true;
    }

    private Next dele(String arg) throws IOException {
        Integer n = message(arg);
        if (n == null) {
            return invalidNumber(arg);
        }
        maildrop.delete(n);
        return ok("Message " + n + " deleted");
    }

    private Next rset() throws IOException {
        maildrop.undeleteAll();
        return ok("Maildrop has " + maildrop.count() + " messages");
    }

    private Next quit() throws IOException {
        if (state == Pop3State.AUTHORIZATION) {
            ok("Logging out");
            return Next.CLOSE;
        }
        int deleted;
        try {
            deleted = maildrop.commit();
        } catch (RuntimeException e) {
            LOG.warn("POP3: deletions of {} not applied: {}", session.user().login(), e.toString());
            err("[SYS/TEMP] The deleted messages could not be removed");
            return Next.CLOSE;
        }
        ok("Logging out, " + deleted + " messages deleted");
        return Next.CLOSE;
    }

    /** The message number in a command, when it names a message not marked deleted; null otherwise. */
    private Integer message(String arg) {
        if (!arg.matches("[0-9]{1,9}")) {
            return null;
        }
        int n = Integer.parseInt(arg);
        return maildrop.exists(n) && !maildrop.deleted(n) ? n : null;
    }

    private Next invalidNumber(String arg) throws IOException {
        if (!arg.matches("[0-9]{1,9}")) {
            return bad("Invalid message number");
        }
        int n = Integer.parseInt(arg);
        return err(maildrop.exists(n) ? "Message " + n + " is deleted" : "No such message");
    }

    // ---- responses

    private Next bad(String text) throws IOException {
        badCommands++;
        if (badCommands >= config.maxBadCommands()) {
            err("Too many bad commands; closing");
            return Next.CLOSE;
        }
        return err(text);
    }

    private Next ok(String text) throws IOException {
        write(text.isEmpty() ? "+OK" : "+OK " + text);
        return Next.CONTINUE;
    }

    private Next err(String text) throws IOException {
        write("-ERR " + text);
        return Next.CONTINUE;
    }

    /** A line of a multi-line response; callers byte-stuff what is not theirs. */
    private void line(String text) throws IOException {
        write(text);
    }

    private void write(String line) throws IOException {
        connection.out().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private void flush() throws IOException {
        connection.out().flush();
    }

    private void end() {
        if (session != null) {
            locks.unlock(session.user().id());
            try {
                session.close();
            } catch (RuntimeException e) {
                LOG.debug("POP3: closing the store session: {}", e.toString());
            }
        }
    }
}
