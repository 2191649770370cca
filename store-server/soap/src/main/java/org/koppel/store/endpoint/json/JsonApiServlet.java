package org.koppel.store.endpoint.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.EventType;
import org.koppel.store.client.Notification;
import org.koppel.store.endpoint.session.EventInbox;
import org.koppel.store.endpoint.session.InboxEvent;
import org.koppel.store.endpoint.session.LongPoll;
import org.koppel.store.client.Session;
import org.koppel.store.endpoint.session.SessionTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON protocol: {@code POST /api/logon} with credentials gives a bearer token; every other
 * operation is {@code POST /api/<operation>} with {@code Authorization: Bearer <token>} and a JSON object
 * of arguments, answered with JSON ({@code attachments.open} answers the attachment's bytes). Errors carry
 * the MAPI error name and code and a fitting HTTP status. Request bodies are bounded (per operation);
 * every request is logged once with user, operation, status and time.
 */
public final class JsonApiServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(JsonApiServlet.class);
    /** The largest request body accepted, but for the operations that carry attachment data. */
    static final int MAX_BODY = 1 << 20;

    private final transient SessionTokens tokens;
    private final transient ObjectMapper json = JsonMapping.mapper();
    private final transient ApiOperations operations = new ApiOperations();

    /** Times out waiting polls; one thread for all of them. */
    private final transient java.util.concurrent.ScheduledExecutorService timer;

    public JsonApiServlet(SessionTokens tokens, java.util.concurrent.ScheduledExecutorService timer) {
        this.tokens = tokens;
        this.timer = timer;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        write(resp, 200, operations.describe());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long started = System.nanoTime();
        String op = Optional.ofNullable(req.getPathInfo()).map(p -> p.startsWith("/") ? p.substring(1) : p).orElse("");
        String user = "-";
        String note = "";
        int status;
        try {
            JsonNode args = body(req, ApiOperations.maxBody(op));
            Object result;
            if (op.equals("logon")) {
                String token = args.has("service") && !args.has("secret")
                        ? tokens.logonByCertificate(ApiOperations.text(args, "service"),
                                ApiOperations.optionalText(args, "impersonate").orElse(""),
                                (java.security.cert.X509Certificate[]) req.getAttribute(
                                        "jakarta.servlet.request.X509Certificate"))
                        : tokens.logon(credentials(args));
                Session s = tokens.session(token);
                user = s.user().login();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("token", token);
                out.put("user", s.user());
                result = out;
            } else {
                String token = bearer(req);
                if (op.equals("logoff")) {
                    tokens.end(token);
                    result = Map.of();
                } else if (op.equals("notifications.poll")) {
                    user = tokens.session(token).user().login();
                    poll(req, resp, token, args, started, user);
                    return;
                } else if (op.equals("notifications.subscribe")) {
                    Session s = tokens.session(token);
                    user = s.user().login();
                    java.util.Set<EventType> types = java.util.EnumSet.noneOf(EventType.class);
                    for (String t : ApiOperations.strings(args, "events")) {
                        types.add(EventType.valueOf(t.toUpperCase(java.util.Locale.ROOT)));
                    }
                    result = Map.of("subscription", tokens.subscribe(token, JsonProps.entryId(args, "target"), types));
                } else if (op.equals("notifications.subscribeTable")) {
                    Session s = tokens.session(token);
                    user = s.user().login();
                    result = Map.of("subscription", tokens.subscribeTable(token, JsonProps.entryId(args, "folder"),
                            ApiOperations.tableQuery(args)));
                } else if (op.equals("notifications.unsubscribe")) {
                    user = tokens.session(token).user().login();
                    tokens.unsubscribe(token, ApiOperations.text(args, "subscription"));
                    result = Map.of();
                } else {
                    var operation = operations.find(op)
                            .orElseThrow(() -> new MapiException.NoSupport("no operation \"" + op + "\""));
                    Session s = tokens.session(token);
                    user = s.user().login();
                    result = operation.run(s, args);
                }
            }
            status = 200;
            if (result instanceof ApiOperations.AttachmentData data) {
                note = stream(resp, data) ? "" : " cut short";
            } else {
                write(resp, status, result);
            }
        } catch (MapiException e) {
            ApiError error = ApiError.of(e);
            status = error.status();
            write(resp, status, error);
        } catch (IllegalArgumentException e) {
            ApiError error = new ApiError(400, "MAPI_E_INVALID_PARAMETER", "0x80070057", e.getMessage());
            status = 400;
            write(resp, status, error);
        } catch (RuntimeException e) {
            LOG.error("JSON operation {} failed", op, e);
            status = 500;
            write(resp, status, new ApiError(500, "MAPI_E_CALL_FAILED", "0x80004005",
                    "unexpected failure; details are in the server log"));
        }
        LOG.info("api {} user={} status={}{} {}ms", op, user, status, note, (System.nanoTime() - started) / 1_000_000);
    }

    /** The longest a poll waits for an event. */
    static final int MAX_POLL_SECONDS = 120;

    /**
     * A long-poll: answers at once with the waiting events, or leaves a callback (no thread) that the next
     * event or the timeout completes.
     */
    private void poll(HttpServletRequest req, HttpServletResponse resp, String token, JsonNode args, long started,
            String user) throws IOException {
        int seconds = Math.max(0, Math.min(args.path("timeoutSeconds").asInt(30), MAX_POLL_SECONDS));
        EventInbox inbox = tokens.inbox(token);
        jakarta.servlet.AsyncContext async = req.startAsync();
        async.setTimeout(0);
        java.util.concurrent.atomic.AtomicReference<LongPoll> poll = new java.util.concurrent.atomic.AtomicReference<>();
        async.addListener(new jakarta.servlet.AsyncListener() {
            @Override
            public void onComplete(jakarta.servlet.AsyncEvent event) {
            }

            @Override
            public void onTimeout(jakarta.servlet.AsyncEvent event) {
                onError(event);
            }

            @Override
            public void onError(jakarta.servlet.AsyncEvent event) {
                // The connection failed while waiting: stop waiting, so events stay for the next poll.
                LongPoll p = poll.get();
                if (p != null && p.abandon()) {
                    async.complete();
                }
            }

            @Override
            public void onStartAsync(jakarta.servlet.AsyncEvent event) {
            }
        });
        poll.set(LongPoll.start(inbox, seconds, timer, events -> {
            try {
                write((HttpServletResponse) async.getResponse(), 200, Map.of("events", render(events)));
            } catch (IOException | RuntimeException e) {
                // The client went away: keep its events for its next poll.
                inbox.requeue(events);
                LOG.debug("Answering a poll failed: {}", e.toString());
            } finally {
                async.complete();
                LOG.info("api notifications.poll user={} status=200 events={} {}ms", user, events.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }));
    }

    /** Events as JSON: each notification's fields and its subscription; an overflow as RESYNC_NEEDED. */
    private java.util.List<Object> render(java.util.List<InboxEvent> events) {
        java.util.List<Object> out = new java.util.ArrayList<>(events.size());
        for (InboxEvent e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            e.subscription().ifPresent(id -> m.put("subscription", id));
            if (e.isOverflow()) {
                m.put("type", EventType.RESYNC_NEEDED.name());
            }
            e.notification().ifPresent(n -> m.putAll(json.convertValue(n, Map.class)));
            e.tableEvent().ifPresent(t -> {
                m.put("type", EventType.TABLE_CHANGED.name());
                m.putAll(json.convertValue(t, Map.class));
            });
            out.add(m);
        }
        return out;
    }

    /**
     * Attachment data as it is, not as JSON: copied from the store's stream to the response in small
     * buffers, never held whole. A failure once the status is sent (the client went away, the blob could
     * not be read) can only cut the answer short; says whether it was complete.
     */
    private static boolean stream(HttpServletResponse resp, ApiOperations.AttachmentData data) {
        try (InputStream in = data.in()) {
            resp.setStatus(200);
            resp.setContentType("application/octet-stream");
            in.transferTo(resp.getOutputStream());
            return true;
        } catch (IOException e) {
            LOG.debug("Streaming an attachment failed: {}", e.toString());
            return false;
        } catch (RuntimeException e) {
            // The status is sent: an error body now would only corrupt the data the client is reading.
            LOG.warn("Reading an attachment failed while streaming it", e);
            return false;
        }
    }

    /** How much of an oversized body is read and dropped so that the client can read the 413 answer. */
    private static final int DRAIN_LIMIT = 8 << 20;

    private JsonNode body(HttpServletRequest req, int limit) throws IOException {
        byte[] bytes;
        try (InputStream in = req.getInputStream()) {
            bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                // Read (and drop) a moderate excess: a client still sending would otherwise see a reset
                // instead of the answer.
                long dropped = 0;
                byte[] sink = new byte[64 * 1024];
                int n;
                while (dropped < DRAIN_LIMIT && (n = in.read(sink)) > 0) {
                    dropped += n;
                }
                throw new MapiException.TooBig("request body larger than " + limit + " bytes");
            }
        }
        if (bytes.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new MapiException.InvalidParameter("the request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MapiException.InvalidParameter("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Credentials credentials(JsonNode a) {
        if (a.has("service")) {
            return new Credentials.Service(ApiOperations.text(a, "service"), ApiOperations.text(a, "secret"),
                    ApiOperations.optionalText(a, "impersonate").orElse(""));
        }
        return new Credentials.Password(ApiOperations.text(a, "login"), ApiOperations.text(a, "password"),
                ApiOperations.optionalText(a, "impersonate").orElse(""));
    }

    private static String bearer(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new MapiException.EndOfSession("log on first: POST /api/logon, then send Authorization: Bearer <token>");
        }
        return h.substring(7).strip();
    }

    private void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        if (status == 401) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"koppel\"");
        }
        json.writeValue(resp.getOutputStream(), body);
    }

}
