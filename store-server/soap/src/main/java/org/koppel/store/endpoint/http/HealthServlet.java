package org.koppel.store.endpoint.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /health}: 200 and a line of JSON while the server takes requests (for monitors and systemd). */
final class HealthServlet extends HttpServlet {

    private final String version;

    HealthServlet(String version) {
        this.version = version;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.getOutputStream().write(("{\"status\":\"ok\",\"version\":\"" + version.replace("\"", "") + "\"}\n")
                .getBytes(StandardCharsets.UTF_8));
    }
}
