package org.koppel.dagent.lmtp;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.koppel.dagent.DagentConfig;
import org.koppel.dagent.delivery.Delivery;
import org.koppel.dagent.delivery.MessageSpool;
import org.koppel.dagent.delivery.Resolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LMTP connection (RFC 2033): reads commands, keeps the transaction, and answers; after DATA or the last
 * BDAT chunk it sends one reply per accepted recipient, each only once that recipient's copy is committed.
 * Replies are buffered and flushed when the client has sent nothing more (PIPELINING, RFC 2920).
 */
final class LmtpConnection {

    private static final Logger LOG = LoggerFactory.getLogger(LmtpConnection.class);

    /** RFC 5321 allows 512 octets; extensions (SIZE, BODY, SMTPUTF8 addresses) need a little more. */
    static final int MAX_COMMAND_LINE = 2048;
    static final int MAX_RECIPIENTS = 1000;
    static final int MAX_ERRORS = 20;

    private enum State { GREETED, READY }

    @FunctionalInterface
    private interface Handler {
        void handle(String argument) throws IOException;
    }

    private final Socket plain;
    private final DagentConfig config;
    private final Delivery delivery;
    private final SSLContext tls;
    private final Map<String, Handler> commands;
    private final Object lock = new Object();

    private Socket socket;
    private LmtpInput in;
    private OutputStream out;
    private State state = State.GREETED;
    private boolean tlsActive;
    private int errors;
    private boolean quit;
    private boolean waiting;
    private boolean stopping;

    // The transaction
    private String sender;
    private final List<Resolution.Accepted> recipients = new ArrayList<>();
    private MessageSpool chunks;
    private boolean chunkFailed;

    LmtpConnection(Socket socket, DagentConfig config, Delivery delivery, SSLContext tls) {
        this.plain = socket;
        this.socket = socket;
        this.config = config;
        this.delivery = delivery;
        this.tls = tls;
        this.commands = Map.ofEntries(
                Map.entry("LHLO", this::lhlo),
                Map.entry("MAIL", this::mail),
                Map.entry("RCPT", this::rcpt),
                Map.entry("DATA", this::data),
                Map.entry("BDAT", this::bdat),
                Map.entry("RSET", arg -> {
                    reset();
                    send(Replies.OK);
                }),
                Map.entry("NOOP", arg -> send(Replies.OK)),
                Map.entry("QUIT", arg -> {
                    send(Replies.BYE);
                    quit = true;
                }),
                Map.entry("VRFY", arg -> send(Replies.VRFY)),
                Map.entry("STARTTLS", this::starttls),
                Map.entry("HELO", arg -> error(Replies.USE_LHLO)),
                Map.entry("EHLO", arg -> error(Replies.USE_LHLO)));
    }

    /** Commands of SMTP this server knows of and does not do: "not implemented" rather than "unknown". */
    private static final Set<String> NOT_IMPLEMENTED = Set.of("EXPN", "HELP", "TURN", "ETRN", "AUTH", "BURL",
            "SEND", "SOML", "SAML", "ATRN");

    void run() {
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.idleTimeout().toMillis()));
            in = new LmtpInput(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            send(new Reply(220, List.of(config.hostname() + " LMTP Koppel ready")));
            out.flush();
            while (!quit) {
                String line = nextLine();
                if (line == null) {
                    break;
                }
                command(line);
                if (errors > MAX_ERRORS) {
                    send(Replies.TOO_MANY_ERRORS);
                    break;
                }
            }
            out.flush();
        } catch (SocketTimeoutException e) {
            sendQuietly(Replies.IDLE_TIMEOUT);
        } catch (EOFException e) {
            LOG.debug("LMTP client left mid-message: {}", e.getMessage());
        } catch (IOException e) {
            if (!isStopping()) {
                LOG.debug("LMTP connection failed: {}", e.toString());
            }
        } finally {
            if (chunks != null) {
                chunks.close();
            }
            closeSocket();
        }
    }

    /** The next command line; flushes pending replies first when the client is waiting for them. */
    private String nextLine() throws IOException {
        if (in.buffered() == 0) {
            out.flush();
        }
        synchronized (lock) {
            if (stopping) {
                send(Replies.SHUTTING_DOWN);
                out.flush();
                return null;
            }
            waiting = true;
        }
        try {
            return in.readLine(MAX_COMMAND_LINE);
        } finally {
            synchronized (lock) {
                waiting = false;
            }
        }
    }

    private void command(String line) throws IOException {
        if (line == LmtpInput.TOO_LONG) {
            error(Replies.LINE_TOO_LONG);
            return;
        }
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : line.substring(space + 1);
        Handler handler = commands.get(verb);
        if (handler != null) {
            handler.handle(argument);
        } else if (NOT_IMPLEMENTED.contains(verb)) {
            error(Replies.NOT_IMPLEMENTED);
        } else {
            error(Replies.UNKNOWN_COMMAND);
        }
    }

    // ---- commands

    private void lhlo(String argument) throws IOException {
        if (argument.isBlank()) {
            error(Replies.SYNTAX);
            return;
        }
        reset();
        state = State.READY;
        List<String> lines = new ArrayList<>(List.of(config.hostname(), "PIPELINING", "8BITMIME",
                "ENHANCEDSTATUSCODES", "SMTPUTF8", "SIZE " + config.maxMessageSize(), "CHUNKING"));
        if (tls != null && !tlsActive) {
            lines.add("STARTTLS");
        }
        send(new Reply(250, lines));
    }

    private void mail(String argument) throws IOException {
        if (state != State.READY) {
            error(Replies.NEED_LHLO);
            return;
        }
        if (sender != null) {
            error(Replies.NESTED_MAIL);
            return;
        }
        var path = PathArgument.parse(argument, "FROM");
        if (path.isEmpty()) {
            error(Replies.SYNTAX);
            return;
        }
        for (var p : path.get().parameters().entrySet()) {
            switch (p.getKey()) {
                case "SIZE" -> {
                    long size;
                    try {
                        size = Long.parseLong(p.getValue());
                    } catch (NumberFormatException e) {
                        error(Replies.SYNTAX);
                        return;
                    }
                    if (size > config.maxMessageSize()) {
                        send(Replies.TOO_LARGE);
                        return;
                    }
                }
                case "BODY" -> {
                    String body = p.getValue().toUpperCase(Locale.ROOT);
                    if (!body.equals("7BIT") && !body.equals("8BITMIME")) {
                        error(Replies.UNSUPPORTED_PARAMETER);
                        return;
                    }
                }
                case "SMTPUTF8" -> {
                    if (!p.getValue().isEmpty()) {
                        error(Replies.SYNTAX);
                        return;
                    }
                }
                default -> {
                    error(Replies.UNSUPPORTED_PARAMETER);
                    return;
                }
            }
        }
        sender = path.get().address();
        send(Replies.SENDER_OK);
    }

    private void rcpt(String argument) throws IOException {
        if (state != State.READY || sender == null) {
            error(state != State.READY ? Replies.NEED_LHLO : Replies.NEED_MAIL);
            return;
        }
        if (chunks != null) {
            error(Replies.MIXED_DATA);
            return;
        }
        var path = PathArgument.parse(argument, "TO");
        if (path.isEmpty() || path.get().address().isEmpty()) {
            error(Replies.SYNTAX);
            return;
        }
        if (!path.get().parameters().isEmpty()) {
            error(Replies.UNSUPPORTED_PARAMETER); // no DSN (NOTIFY, ORCPT) offered
            return;
        }
        if (recipients.size() >= MAX_RECIPIENTS) {
            send(Replies.TOO_MANY_RECIPIENTS);
            return;
        }
        switch (delivery.resolve(path.get().address())) {
            case Resolution.Accepted m -> {
                recipients.add(m);
                send(Replies.RECIPIENT_OK);
            }
            case Resolution.Refused r -> send(Replies.refused(r));
        }
    }

    private void data(String argument) throws IOException {
        if (!argument.isBlank()) {
            error(Replies.SYNTAX);
            return;
        }
        if (state != State.READY || sender == null) {
            error(state != State.READY ? Replies.NEED_LHLO : Replies.NEED_MAIL);
            return;
        }
        if (chunks != null) {
            error(Replies.MIXED_DATA);
            return;
        }
        if (recipients.isEmpty()) {
            error(Replies.NO_RECIPIENTS);
            return;
        }
        send(Replies.START_DATA);
        out.flush();
        try (MessageSpool message = newSpool()) {
            in.readData(message);
            message.finish();
            deliver(message);
        }
    }

    private void bdat(String argument) throws IOException {
        String[] parts = argument.strip().split(" +");
        long size;
        boolean last;
        try {
            size = Long.parseLong(parts[0]);
            last = parts.length == 2 && parts[1].equalsIgnoreCase("LAST");
            if (size < 0 || parts.length > 2 || parts.length == 2 && !last) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            // The chunk's length is unknown, so the stream cannot be followed any more.
            error(Replies.SYNTAX);
            quit = true;
            return;
        }
        if (state != State.READY || sender == null || recipients.isEmpty()) {
            in.readChunk(size, null); // RFC 3030: the chunk is read even when the command fails
            error(state != State.READY ? Replies.NEED_LHLO : sender == null ? Replies.NEED_MAIL : Replies.NO_RECIPIENTS);
            return;
        }
        if (chunks == null) {
            chunks = newSpool();
            chunkFailed = false;
        }
        in.readChunk(size, chunks);
        if (!last) {
            send(chunks.overflowed() ? Replies.TOO_LARGE : Replies.OK);
            return;
        }
        try (MessageSpool message = chunks) {
            chunks = null;
            message.finish();
            deliver(message);
        }
    }

    private void starttls(String argument) throws IOException {
        if (tls == null) {
            error(Replies.NOT_IMPLEMENTED);
            return;
        }
        if (tlsActive) {
            error(Replies.TLS_ACTIVE);
            return;
        }
        if (!argument.isBlank()) {
            error(Replies.SYNTAX);
            return;
        }
        send(Replies.TLS_GO);
        out.flush();
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket,
                socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        ssl.startHandshake();
        synchronized (lock) {
            socket = ssl;
        }
        // Anything the client pipelined after STARTTLS came in the clear: it is discarded (RFC 3207 4.2).
        in.replace(ssl.getInputStream());
        out = new BufferedOutputStream(ssl.getOutputStream(), 8192);
        tlsActive = true;
        state = State.GREETED;
        reset();
    }

    // ---- the transaction

    private MessageSpool newSpool() {
        return new MessageSpool(DagentConfig.MEMORY_THRESHOLD, config.tempDir(), config.maxMessageSize());
    }

    /** One reply per accepted recipient, each sent (and flushed) once that recipient's copy is committed. */
    private void deliver(MessageSpool message) throws IOException {
        List<Resolution.Accepted> to = List.copyOf(recipients);
        String from = sender;
        reset();
        if (message.overflowed()) {
            LOG.info("Refused a message from <{}>: {} bytes is over max_message_size {}", from, message.size(),
                    config.maxMessageSize());
            for (int i = 0; i < to.size(); i++) {
                send(Replies.TOO_LARGE);
            }
            return;
        }
        IOException[] failed = new IOException[1];
        delivery.deliver(message, message.size(), from, to, result -> {
            if (failed[0] != null) {
                return;
            }
            try {
                send(Replies.result(result));
                out.flush();
            } catch (IOException e) {
                failed[0] = e; // the client is gone; delivery to the others goes on, as they are committed anyway
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    private void reset() {
        sender = null;
        recipients.clear();
        if (chunks != null) {
            chunks.close();
            chunks = null;
        }
    }

    // ---- output

    private void send(Reply reply) throws IOException {
        out.write(reply.encode());
        if (LOG.isTraceEnabled()) {
            LOG.trace("S: {}", reply);
        }
    }

    /** A refusal caused by the client: counted, so that a client sending nonsense is eventually cut off. */
    private void error(Reply reply) throws IOException {
        errors++;
        send(reply);
    }

    private void sendQuietly(Reply reply) {
        try {
            send(reply);
            out.flush();
        } catch (IOException ignored) {
            // the connection is going away anyway
        }
    }

    // ---- shutdown

    private boolean isStopping() {
        synchronized (lock) {
            return stopping;
        }
    }

    /**
     * Asks the connection to end: one waiting for a command is told 421 and closed now; one receiving or
     * delivering a message finishes it first and then says 421.
     */
    void stop() {
        synchronized (lock) {
            stopping = true;
            if (waiting) {
                sendQuietly(Replies.SHUTTING_DOWN);
                closeSocket();
            }
        }
    }

    /** Ends the connection at once (a shutdown past its grace period). */
    void abort() {
        closeSocket();
    }

    private void closeSocket() {
        Socket s;
        synchronized (lock) {
            s = socket;
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
        try {
            plain.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
