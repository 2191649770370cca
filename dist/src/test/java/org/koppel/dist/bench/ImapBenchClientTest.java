package org.koppel.dist.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The benchmark client against a scripted server on loopback: literals are read whole, in both directions. */
class ImapBenchClientTest {

    private static byte[] message() throws IOException {
        try (InputStream in = ImapBenchClientTest.class.getResourceAsStream("/bench/literal-message.eml")) {
            return in.readAllBytes();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aLiteralThatLooksLikeTheCompletionIsPartOfTheResponse() throws Exception {
        byte[] body = message();
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        script.write(ascii("* 1 FETCH (UID 7 BODY[] {" + body.length + "}\r\n"));
        script.write(body);
        script.write(ascii(" FLAGS (\\Seen))\r\nb1 OK FETCH completed.\r\n"));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> heard = serve(server, script.toByteArray(), "b1 FETCH 1 BODY[]\r\n".length());
            try (ImapBenchClient c = ImapBenchClient.connect("127.0.0.1", server.getLocalPort(), 10_000)) {
                ImapBenchClient.Reply r = c.command("FETCH 1 BODY[]").orFail();
                assertEquals(1, r.untagged().size());
                String fetch = r.untagged().get(0);
                assertTrue(fetch.startsWith("* 1 FETCH (UID 7 BODY[] {" + body.length + "}\r\n"));
                assertTrue(fetch.endsWith(" FLAGS (\\Seen))"));
                assertEquals("FETCH completed.", r.text());
            }
            assertEquals("b1 FETCH 1 BODY[]\r\n", heard.get());
        }
    }

    @Test
    void appendSendsTheMessageAsANonSynchronizingLiteral() throws Exception {
        byte[] body = message();
        String command = "b1 APPEND INBOX (\\Seen) {" + body.length + "+}\r\n";
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> heard = serve(server, ascii("b1 OK [APPENDUID 3 41] APPEND completed.\r\n"),
                    command.length() + body.length + 2);
            try (ImapBenchClient c = ImapBenchClient.connect("127.0.0.1", server.getLocalPort(), 10_000)) {
                ImapBenchClient.Reply r = c.append("INBOX", "\\Seen", body).orFail();
                assertEquals("[APPENDUID 3 41] APPEND completed.", r.text());
            }
            byte[] sent = heard.get().getBytes(StandardCharsets.ISO_8859_1);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.write(ascii(command));
            expected.write(body);
            expected.write(ascii("\r\n"));
            assertArrayEquals(expected.toByteArray(), sent);
        }
    }

    @Test
    void aRefusalNamesTheCommandAndTheServersWords() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            serve(server, ascii("b1 NO [AUTHENTICATIONFAILED] Invalid credentials.\r\n"), "b1 LOGIN u p\r\n".length());
            try (ImapBenchClient c = ImapBenchClient.connect("127.0.0.1", server.getLocalPort(), 10_000)) {
                ImapBenchClient.ImapBenchException e = assertThrows(ImapBenchClient.ImapBenchException.class,
                        () -> c.command("LOGIN u p").orFail());
                assertEquals("LOGIN u p answered NO [AUTHENTICATIONFAILED] Invalid credentials.", e.getMessage());
            }
        }
    }

    /** Greets, reads {@code expect} octets of the client's command, answers with {@code script}; what it read. */
    private static CompletableFuture<String> serve(ServerSocket server, byte[] script, int expect) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                out.write(ascii("* OK [CAPABILITY IMAP4rev1 LITERAL+] scripted\r\n"));
                out.flush();
                byte[] heard = s.getInputStream().readNBytes(expect);
                out.write(script);
                out.flush();
                s.getInputStream().read();
                return new String(heard, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
