package org.koppel.eas.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.koppel.eas.auth.AuthResult;
import org.koppel.eas.auth.Authenticator;
import org.koppel.eas.auth.Credentials;
import org.koppel.eas.auth.LoginThrottle;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandParameters;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.CommonStatus;
import org.koppel.eas.command.Device;
import org.koppel.eas.command.MalformedRequestException;
import org.koppel.eas.command.StatusDocument;
import org.koppel.eas.command.StoreUnavailableException;
import org.koppel.eas.provisioning.PolicyCheck;
import org.koppel.eas.provisioning.PolicyDecision;
import org.koppel.eas.provisioning.PolicyQuery;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ActiveSync endpoint ({@code /Microsoft-Server-ActiveSync}, any case) per MS-ASHTTP: OPTIONS and POST,
 * HTTP Basic authentication with login throttling, the plain and base64 query forms, version negotiation,
 * the provisioning gate, dispatch to the command handlers, and the response in WBXML, raw, or multipart form,
 * gzipped when asked. A handler that answers later (Ping) does not hold a thread: the request is suspended
 * with the servlet async API and resumed when its stage completes. Every request leaves one
 * {@link RequestLog} line.
 *
 * @param <S> the authenticator's session type
 */
public final class EasServlet<S> extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EasServlet.class);

    public static final String PATH = "/Microsoft-Server-ActiveSync";
    static final String WBXML = "application/vnd.ms-sync.wbxml";
    static final String MULTIPART = "application/vnd.ms-sync.multipart";
    /** Sent as MS-Server-ActiveSync: the newest protocol version this server speaks. */
    static final String SERVER_VERSION = "16.1";
    /** Longest Authorization header value decoded; real ones are under 1 KB. */
    private static final int MAX_AUTHORIZATION = 4096;
    /** Part 0 of a multipart response is built in memory to learn its length; it holds no content data. */
    private static final int MAX_MULTIPART_DOCUMENT = 16 << 20;
    /**
     * A suspended request is given up after this long. Handlers end their own waits (Ping's heartbeat is at
     * most 3540 s); this only keeps a handler that never completes from holding the request forever.
     */
    private static final Duration ASYNC_LIMIT = Duration.ofMinutes(65);
    private static final String EXCHANGE = EasServlet.class.getName() + ".exchange";

    private final transient EasHttpConfig config;
    private final transient Authenticator<S> authenticator;
    private final transient PolicyCheck policyCheck;
    private final transient Map<Command, CommandHandler<S>> handlers;
    private final transient StatusDocument statusDocument;
    private final transient LoginThrottle throttle;
    private final String versionsHeader;

    public EasServlet(EasHttpConfig config, Authenticator<S> authenticator, PolicyCheck policyCheck,
            Map<Command, CommandHandler<S>> handlers, CodePages pages, LoginThrottle throttle) {
        this.config = config;
        this.authenticator = authenticator;
        this.policyCheck = policyCheck;
        this.handlers = handlers.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(handlers));
        this.statusDocument = new StatusDocument(pages);
        this.throttle = throttle;
        this.versionsHeader = config.protocolVersions().stream().sorted().map(ProtocolVersion::header)
                .collect(Collectors.joining(","));
    }

    /** What one request has gathered on its way: for the log, the async resume and the session's release. */
    private final class Exchange {
        final long start = System.nanoTime();
        final String remote;
        String user = "-";
        String deviceId = "-";
        String deviceType = "-";
        String command = "-";
        String version = "-";
        BoundedBody body;
        long bytesOut;
        boolean hasSession;
        S session;
        Command cmd;
        CommandHandler<S> handler;
        ProtocolVersion protocolVersion;
        boolean gzip;
        final AtomicBoolean resumed = new AtomicBoolean();
        CommandResponse outcome;
        Throwable failure;

        Exchange(HttpServletRequest req) {
            remote = req.getRemoteAddr();
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getDispatcherType() == DispatcherType.ASYNC) {
            @SuppressWarnings("unchecked")
            Exchange x = (Exchange) req.getAttribute(EXCHANGE);
            finish(x, resp);
            return;
        }
        Exchange x = new Exchange(req);
        boolean suspended = false;
        try {
            resp.setHeader("MS-Server-ActiveSync", SERVER_VERSION);
            resp.setHeader("Cache-Control", "private");
            suspended = serve(x, req, resp);
        } catch (RuntimeException e) {
            LOG.error("ActiveSync request from {} failed", x.remote, e);
            if (!resp.isCommitted()) {
                resp.reset();
                resp.setStatus(500);
                resp.setContentLength(0);
            }
        } finally {
            if (!suspended) {
                done(x, resp);
            }
        }
    }

    /** Handles a request up to the response or its suspension; true when suspended. */
    private boolean serve(Exchange x, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (path == null || !(path.equalsIgnoreCase(PATH) || path.equalsIgnoreCase(PATH + "/"))) {
            plain(resp, 404);
            return false;
        }
        String method = req.getMethod();
        boolean options = method.equals("OPTIONS");
        if (!options && !method.equals("POST")) {
            resp.setHeader("Allow", "OPTIONS,POST");
            plain(resp, 405);
            return false;
        }
        x.command = options ? "OPTIONS" : "-";
        EasQuery query = null;
        BadQueryException badQuery = null;
        try {
            query = EasQuery.parse(req.getQueryString());
            x.command = options ? "OPTIONS" : query.commandName().isEmpty() ? "-" : query.commandName();
            x.deviceId = query.deviceId().map(EasQuery::printable).orElse("-");
            x.deviceType = query.deviceType().map(EasQuery::printable).orElse("-");
        } catch (BadQueryException e) {
            badQuery = e;
        }

        Optional<Credentials> credentials = credentials(req);
        if (credentials.isEmpty()) {
            unauthorized(resp);
            return false;
        }
        Credentials c = credentials.get();
        x.user = EasQuery.printable(c.login());
        if (throttle.isThrottled(c.login(), c.remoteAddress())) {
            LOG.debug("Logon of {} from {} refused unchecked: too many failures", x.user, x.remote);
            unauthorized(resp);
            return false;
        }
        AuthResult<S> auth = authenticator.authenticate(c);
        switch (auth) {
            case AuthResult.Refused<S> r -> {
                throttle.failed(c.login(), c.remoteAddress());
                unauthorized(resp);
                return false;
            }
            case AuthResult.Forbidden<S> f -> {
                x.user = EasQuery.printable(f.user());
                forbidden(x, req, resp, options ? null : query);
                return false;
            }
            case AuthResult.Unavailable<S> u -> {
                unavailable(resp, u.retryAfter());
                return false;
            }
            case AuthResult.Authenticated<S> a -> {
                throttle.succeeded(c.login());
                x.user = EasQuery.printable(a.user());
                x.hasSession = true;
                x.session = a.session();
            }
        }
        String user = ((AuthResult.Authenticated<S>) auth).user();

        if (options) {
            resp.setStatus(200);
            resp.setHeader("Allow", "OPTIONS,POST");
            resp.setHeader("Public", "OPTIONS,POST");
            resp.setHeader("MS-ASProtocolVersions", versionsHeader);
            resp.setHeader("MS-ASProtocolCommands", Command.protocolCommandsHeader());
            resp.setContentLength(0);
            return false;
        }
        if (badQuery != null) {
            LOG.debug("Bad query from {}: {}", x.remote, badQuery.getMessage());
            if (badQuery.httpStatus() == 400) {
                resp.setHeader("MS-ASProtocolVersions", versionsHeader);
            }
            plain(resp, badQuery.httpStatus());
            return false;
        }
        if (query.command().isEmpty()) {
            plain(resp, 501);
            return false;
        }
        Command command = query.command().get();
        x.command = command.wireName();
        if (query.deviceId().isEmpty() || query.deviceType().isEmpty()) {
            plain(resp, 400);
            return false;
        }
        if (query.user().isPresent() && !userMatches(query.user().get(), c, user)) {
            LOG.debug("User {} in the query of {} from {} is not the one authenticated",
                    EasQuery.printable(query.user().get()), x.user, x.remote);
            plain(resp, 403);
            return false;
        }
        Optional<ProtocolVersion> version = requestedVersion(query, req);
        if (version.isEmpty() || !config.protocolVersions().contains(version.get())) {
            resp.setHeader("MS-ASProtocolVersions", versionsHeader);
            plain(resp, 400);
            return false;
        }
        ProtocolVersion v = version.get();
        x.version = v.header();
        x.protocolVersion = v;
        x.cmd = command;
        if (!command.existsIn(v)) {
            plain(resp, 501);
            return false;
        }
        OptionalLong policyKey = query.policyKey();
        if (!query.base64()) {
            String header = req.getHeader("X-MS-PolicyKey");
            if (header != null && !header.isBlank()) {
                try {
                    long key = Long.parseLong(header.strip());
                    if (key < 0 || key > 0xFFFF_FFFFL) {
                        throw new NumberFormatException();
                    }
                    policyKey = OptionalLong.of(key);
                } catch (NumberFormatException e) {
                    plain(resp, 400);
                    return false;
                }
            }
        }
        long declared = req.getContentLengthLong();
        if (declared > config.maxRequestSize()) {
            plain(resp, 413);
            return false;
        }
        x.gzip = acceptsGzip(req.getHeader("Accept-Encoding"));
        CommandHandler<S> handler = handlers.get(command);
        x.handler = handler;
        Device device = new Device(query.deviceId().get(), query.deviceType().get());
        Optional<String> userAgent = Optional.ofNullable(req.getHeader("User-Agent"));
        if (command.requiresProvisioning()) {
            PolicyDecision decision;
            try {
                decision = policyCheck.check(new PolicyQuery(user, device, policyKey, v, command, userAgent));
            } catch (StoreUnavailableException e) {
                unavailable(resp, e.retryAfter());
                return false;
            }
            if (decision != PolicyDecision.ALLOWED) {
                sendStatus(x, resp, decision.status());
                return false;
            }
        }
        if (handler == null) {
            sendStatus(x, resp, CommonStatus.COMMAND_NOT_SUPPORTED);
            return false;
        }
        CommandParameters params = query.parameters();
        String multipart = req.getHeader("MS-ASAcceptMultiPart");
        if (multipart != null && multipart.strip().equalsIgnoreCase("T")) {
            params = params.withAcceptMultiPart();
        }
        x.body = new BoundedBody(req.getInputStream(), config.maxRequestSize());
        CommandRequest<S> request = new CommandRequest<>(command, user, x.session, device, v, policyKey,
                query.locale(), params, userAgent, Optional.ofNullable(req.getContentType()), declared, x.body,
                x.remote);
        CompletionStage<CommandResponse> stage;
        try {
            stage = handler.handle(request);
        } catch (RuntimeException e) {
            x.failure = e;
            finish(x, resp);
            return false;
        }
        var future = stage.toCompletableFuture();
        if (future.isDone()) {
            try {
                x.outcome = future.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                x.failure = e;
            }
            finish(x, resp);
            return false;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(ASYNC_LIMIT.toMillis());
        req.setAttribute(EXCHANGE, x);
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                if (x.resumed.compareAndSet(false, true)) {
                    LOG.warn("{} of {} did not finish within {}; answered 503", x.command, x.user, ASYNC_LIMIT);
                    x.outcome = new CommandResponse.Status(CommonStatus.SERVER_ERROR_RETRY_LATER);
                    async.dispatch();
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        stage.whenComplete((response, error) -> {
            if (x.resumed.compareAndSet(false, true)) {
                x.outcome = response;
                x.failure = error;
                async.dispatch();
            }
        });
        return true;
    }

    /** Sends the handler's outcome (first time round, or after an async resume), then logs and releases. */
    private void finish(Exchange x, HttpServletResponse resp) throws IOException {
        boolean resumedAsync = x.resumed.get();
        try {
            if (x.failure != null) {
                failed(x, resp, x.failure);
            } else {
                send(x, resp, x.outcome);
            }
        } catch (RequestTooLargeException e) {
            failed(x, resp, e);
        } finally {
            if (resumedAsync) {
                done(x, resp);
            }
        }
    }

    private void send(Exchange x, HttpServletResponse resp, CommandResponse response) throws IOException {
        switch (response) {
            case null -> failed(x, resp, new IllegalStateException(x.command + " handler answered null"));
            case CommandResponse.Wbxml w -> body(x, resp, WBXML, -1, w.body());
            case CommandResponse.Empty e -> plain(resp, 200);
            case CommandResponse.Content c -> body(x, resp, c.contentType(), c.length(), out -> {
                try (InputStream in = c.source().open()) {
                    long copied = in.transferTo(out);
                    if (copied != c.length()) {
                        throw new IOException("content of " + c.length() + " bytes gave " + copied);
                    }
                }
            });
            case CommandResponse.Multipart m -> {
                ByteArrayOutputStream doc = new ByteArrayOutputStream();
                m.wbxml().writeTo(new LimitedOutput(doc, MAX_MULTIPART_DOCUMENT));
                byte[] part0 = doc.toByteArray();
                long total = 4L + 8L * (m.parts().size() + 1) + part0.length
                        + m.parts().stream().mapToLong(CommandResponse.Part::length).sum();
                body(x, resp, MULTIPART, total, out -> MultipartBody.write(out, part0, m.parts()));
            }
            case CommandResponse.Status s -> sendStatus(x, resp, s.status());
            case CommandResponse.Http h -> plain(resp, h.status());
        }
    }

    /** The protocol version the request names: in the base64 query, else in the MS-ASProtocolVersion header. */
    private static Optional<ProtocolVersion> requestedVersion(EasQuery query, HttpServletRequest req) {
        Optional<ProtocolVersion> version = query.version();
        if (version.isEmpty()) {
            String header = req.getHeader("MS-ASProtocolVersion");
            version = header == null ? Optional.empty() : ProtocolVersion.fromHeader(header.strip());
        }
        return version;
    }

    /**
     * A user whose ActiveSync is switched off (or who may not use it): a well-formed 14.0+ command hears
     * UserDisabledForSync (126) in its own document ([MS-ASCMD] 2.2.2), anything else HTTP 403 as before 14.0.
     */
    private void forbidden(Exchange x, HttpServletRequest req, HttpServletResponse resp, EasQuery query)
            throws IOException {
        Optional<Command> command = query == null ? Optional.empty() : query.command();
        Optional<ProtocolVersion> version = query == null ? Optional.empty() : requestedVersion(query, req);
        if (command.isPresent() && version.isPresent() && config.protocolVersions().contains(version.get())
                && command.get().existsIn(version.get())) {
            x.command = command.get().wireName();
            x.cmd = command.get();
            x.protocolVersion = version.get();
            x.version = version.get().header();
            x.handler = handlers.get(command.get());
            sendStatus(x, resp, CommonStatus.USER_DISABLED_FOR_SYNC);
        } else {
            plain(resp, 403);
        }
    }

    /**
     * A status common to all commands: from 14.0 the command's document carrying it (the handler's own, else
     * the generic one), before 14.0 (or where no document can carry it) the HTTP status it maps to.
     */
    private void sendStatus(Exchange x, HttpServletResponse resp, CommonStatus status) throws IOException {
        ProtocolVersion v = x.protocolVersion;
        if (v != null && x.cmd != null && v.compareTo(ProtocolVersion.V14_0) >= 0) {
            Optional<CommandResponse.BodyWriter> doc = x.handler == null ? Optional.empty()
                    : x.handler.statusDocument(status, v);
            if (doc.isEmpty()) {
                doc = statusDocument.writer(x.cmd, v, status);
            }
            if (doc.isPresent()) {
                body(x, resp, WBXML, -1, doc.get());
                return;
            }
        }
        if (status.httpBefore14() == 503) {
            unavailable(resp, Duration.ofSeconds(30));
        } else {
            plain(resp, status.httpBefore14());
        }
    }

    private void body(Exchange x, HttpServletResponse resp, String contentType, long length,
            CommandResponse.BodyWriter writer) throws IOException {
        resp.setStatus(200);
        resp.setContentType(contentType);
        boolean gzip = x.gzip && length != 0;
        if (gzip) {
            resp.setHeader("Content-Encoding", "gzip");
            resp.setHeader("Vary", "Accept-Encoding");
        } else if (length >= 0) {
            resp.setContentLengthLong(length);
        }
        CountingOutput counted = new CountingOutput(resp.getOutputStream());
        try {
            if (gzip) {
                GZIPOutputStream z = new GZIPOutputStream(counted, 8192);
                writer.writeTo(z);
                z.finish();
            } else {
                writer.writeTo(counted);
            }
            // No flush: a body that fits the container's buffer then goes out with a Content-Length.
        } finally {
            x.bytesOut += counted.bytesWritten();
        }
    }

    /** Maps a handler's failure to its answer; after the response is committed only the connection can go. */
    private void failed(Exchange x, HttpServletResponse resp, Throwable failure) throws IOException {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (resp.isCommitted()) {
            LOG.warn("{} of {} failed after its response started; connection dropped: {}", x.command, x.user,
                    t.toString());
            throw t instanceof IOException io ? io : new IOException(t);
        }
        resp.reset();
        resp.setHeader("MS-Server-ActiveSync", SERVER_VERSION);
        resp.setHeader("Cache-Control", "private");
        switch (cause(t)) {
            case RequestTooLargeException e -> plain(resp, 413);
            case StoreUnavailableException e -> {
                LOG.warn("{} of {}: store unavailable: {}", x.command, x.user, e.getMessage());
                unavailable(resp, e.retryAfter());
            }
            case MalformedRequestException e -> {
                LOG.debug("{} of {}: malformed request: {}", x.command, x.user, e.getMessage());
                plain(resp, 400);
            }
            case WbxmlException e -> {
                LOG.debug("{} of {}: bad WBXML: {}", x.command, x.user, e.getMessage());
                plain(resp, 400);
            }
            default -> {
                LOG.error("{} of {} from {} failed", x.command, x.user, x.remote, t);
                plain(resp, 500);
            }
        }
    }

    /** The first cause in the chain that has its own answer, else the failure itself. */
    private static Throwable cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RequestTooLargeException || c instanceof StoreUnavailableException
                    || c instanceof MalformedRequestException || c instanceof WbxmlException) {
                return c;
            }
        }
        return t;
    }

    private void done(Exchange x, HttpServletResponse resp) {
        if (x.hasSession) {
            x.hasSession = false;
            try {
                authenticator.release(x.session);
            } catch (RuntimeException e) {
                LOG.warn("Releasing the session of {} failed", x.user, e);
            }
        }
        long millis = (System.nanoTime() - x.start) / 1_000_000;
        new RequestLog(x.remote, x.user, x.deviceId, x.deviceType, x.command, x.version, resp.getStatus(),
                x.body == null ? 0 : x.body.bytesRead(), x.bytesOut, millis).write();
    }

    private void unauthorized(HttpServletResponse resp) {
        resp.setHeader("WWW-Authenticate", "Basic realm=\"" + config.realm() + "\", charset=\"UTF-8\"");
        plain(resp, 401);
    }

    private static void unavailable(HttpServletResponse resp, Duration retryAfter) {
        resp.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        plain(resp, 503);
    }

    private static void plain(HttpServletResponse resp, int status) {
        resp.setStatus(status);
        resp.setContentLength(0);
    }

    /** The Basic credentials of a request, if it sent well-formed ones. */
    private Optional<Credentials> credentials(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        var all = req.getHeaders("Authorization");
        if (all.hasMoreElements()) {
            all.nextElement();
            if (all.hasMoreElements()) {
                // Two sets of credentials: which one counts would be a guess.
                return Optional.empty();
            }
        }
        if (h == null || h.length() > MAX_AUTHORIZATION || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(h.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String pair;
        try {
            pair = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded)).toString();
        } catch (CharacterCodingException e) {
            // Older clients send Latin-1 (RFC 7617 leaves the charset to the realm).
            pair = new String(decoded, StandardCharsets.ISO_8859_1);
        }
        int colon = pair.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String sent = pair.substring(0, colon);
        String login = config.domainHandling().apply(sent);
        if (login.isEmpty() || login.length() > 256 || login.chars().anyMatch(ch -> ch < 0x20)) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(login, sent, pair.substring(colon + 1), req.getRemoteAddr()));
    }

    /**
     * Whether the query's {@code User} names the authenticated user: as sent in the Authorization header, after
     * the domain handling, or as the authenticator named the user, ignoring case.
     */
    private boolean userMatches(String queryUser, Credentials c, String user) {
        String normalised = config.domainHandling().apply(queryUser);
        for (String candidate : new String[] {c.sentLogin(), c.login(), user}) {
            if (candidate.equalsIgnoreCase(queryUser) || candidate.equalsIgnoreCase(normalised)) {
                return true;
            }
        }
        return false;
    }

    /** Whether Accept-Encoding allows gzip (not with {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            if (!parts[0].strip().equalsIgnoreCase("gzip")) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        return Double.parseDouble(p.substring(2)) > 0;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }

    /** Fails once more than a limit is written, so a runaway document cannot fill the heap. */
    private static final class LimitedOutput extends OutputStream {
        private final OutputStream out;
        private final long limit;
        private long count;

        LimitedOutput(OutputStream out, long limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            check(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check(len);
            out.write(b, off, len);
        }

        private void check(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new IOException("multipart document over " + limit + " bytes");
            }
        }
    }
}
