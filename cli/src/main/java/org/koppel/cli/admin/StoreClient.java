package org.koppel.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A logged-on conversation with a store's JSON protocol (see docs/json-api.md). */
final class StoreClient implements AutoCloseable {

    /** The store refused a call: its MAPI error name, HTTP status and message. */
    static final class Refused extends RuntimeException {
        final int status;
        final String error;

        Refused(int status, String error, String message) {
            super(message);
            this.status = status;
            this.error = error;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private String token;

    private StoreClient(URI base) {
        this.base = base;
    }

    /** Logs on with a login and password. */
    static StoreClient withPassword(URI base, String login, String password) {
        StoreClient c = new StoreClient(base);
        c.logon(c.object().put("login", login).put("password", password));
        return c;
    }

    /** Logs on as the system administrator with the service secret of a local store. */
    static StoreClient withServiceSecret(URI base, String secret) {
        StoreClient c = new StoreClient(base);
        c.logon(c.object().put("service", "koppel-admin").put("secret", secret));
        return c;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    ObjectMapper json() {
        return json;
    }

    private void logon(ObjectNode credentials) {
        token = call("logon", credentials).get("token").asText();
    }

    /** Calls an operation; a refusal is thrown as {@link Refused}. */
    JsonNode call(String operation, ObjectNode args) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/api/" + operation))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(args.toString()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Refused(0, "CONNECT", "cannot reach the store at " + base + " (is koppel serve running?)");
        } catch (IOException e) {
            throw new Refused(0, "IO", "talking to the store at " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(0, "INTERRUPTED", "interrupted");
        }
        JsonNode body;
        try {
            body = json.readTree(r.body());
        } catch (IOException e) {
            throw new Refused(r.statusCode(), "BAD_REPLY", "the store's reply is not JSON (HTTP " + r.statusCode() + ")");
        }
        if (r.statusCode() != 200) {
            throw new Refused(r.statusCode(), body.path("error").asText("HTTP_" + r.statusCode()),
                    body.path("message").asText(""));
        }
        return body;
    }

    @Override
    public void close() {
        if (token != null) {
            try {
                call("logoff", object());
            } catch (Refused ignored) {
                // the session ends with its idle timeout anyway
            }
            token = null;
        }
    }
}
