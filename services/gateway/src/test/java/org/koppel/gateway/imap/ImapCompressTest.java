package org.koppel.gateway.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** COMPRESS=DEFLATE (RFC 4978): raw DEFLATE both ways after the tagged OK, each side flushing its output. */
class ImapCompressTest {

    private static ImapFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = ImapFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void deflateBothWays() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", fixture.port())) {
            socket.setSoTimeout(20_000);
            OutputStream plainOut = socket.getOutputStream();
            BufferedReader plainIn = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            assertTrue(plainIn.readLine().startsWith("* OK "));
            write(plainOut, "a1 LOGIN alice alice-pw\r\n");
            assertTrue(plainIn.readLine().matches("a1 OK \\[CAPABILITY .*COMPRESS=DEFLATE.*\\] .+"));
            write(plainOut, "a2 COMPRESS DEFLATE\r\n");
            // the reader above must not have read ahead: the server sends nothing until our first compressed command
            assertEquals("a2 OK DEFLATE active.", plainIn.readLine());

            DeflaterOutputStream out = new DeflaterOutputStream(socket.getOutputStream(),
                    new Deflater(Deflater.DEFAULT_COMPRESSION, true), 8192, true);
            // read byte by byte: InputStreamReader would block, since InflaterInputStream.available() is always 1
            InputStream in = new InflaterInputStream(socket.getInputStream(), new Inflater(true), 8192);
            write(out, "a3 SELECT INBOX\r\n");
            List<String> select = until(in, "a3 ");
            assertTrue(select.contains("* 3 EXISTS"), select::toString);
            write(out, "a4 FETCH 1:* (BODY.PEEK[HEADER.FIELDS (SUBJECT)])\r\n");
            List<String> fetch = until(in, "a4 ");
            assertTrue(fetch.contains("Subject: Lunch on Friday"), fetch::toString);
            assertEquals("a4 OK FETCH completed.", fetch.getLast());
            // a second COMPRESS is refused (RFC 4978 3)
            write(out, "a5 COMPRESS DEFLATE\r\n");
            assertTrue(until(in, "a5 ").getLast().matches("a5 NO \\[COMPRESSIONACTIVE\\] .+"));
            write(out, "a6 LOGOUT\r\n");
            List<String> logout = until(in, "a6 ");
            assertTrue(logout.contains("* BYE Logging out."), logout::toString);
        }
    }

    @Test
    void unknownMechanismIsRefused() throws Exception {
        try (ImapClient c = ImapClient.login(fixture.port(), "bob")) {
            String last = c.command("COMPRESS GZIP").getLast();
            assertTrue(last.matches("\\S+ (BAD|NO) .+"), last);
            c.ok("NOOP");
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        return c < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private static List<String> until(InputStream in, String tagPrefix) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine(in);
            if (line == null) {
                throw new IOException("closed after " + lines);
            }
            lines.add(line);
            if (line.startsWith(tagPrefix)) {
                return lines;
            }
        }
    }
}
