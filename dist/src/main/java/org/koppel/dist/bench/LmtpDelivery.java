package org.koppel.dist.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One LMTP connection that delivers ready-made messages to one recipient each (MAIL, RCPT and DATA pipelined),
 * for benchmarks that need mail to arrive the way an MTA brings it.
 */
final class LmtpDelivery implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private LmtpDelivery(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        this.out = new BufferedOutputStream(socket.getOutputStream(), 32768);
        expect("220");
        send("LHLO bench.test\r\n");
        expect("250");
    }

    static LmtpDelivery connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        try {
            s.setSoTimeout(120_000);
            s.setTcpNoDelay(true);
            return new LmtpDelivery(s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * When a delivery's last octet (the dot) was sent and when the recipient's 250 was read (the message is
     * committed by then), as {@link System#nanoTime()}.
     */
    record Delivered(long started, long dataSent, long accepted) {
    }

    /** Delivers {@code message} (CRLF lines, no line starting with a dot) to {@code recipient}. */
    Delivered deliver(String recipient, byte[] message) throws IOException {
        long started = System.nanoTime();
        send("MAIL FROM:<sender@example.net> SIZE=" + message.length + "\r\nRCPT TO:<" + recipient + ">\r\nDATA\r\n");
        expect("250");
        expect("250");
        expect("354");
        out.write(message);
        if (message.length > 0 && message[message.length - 1] != '\n') {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        send(".\r\n");
        long dataSent = System.nanoTime();
        expect("250");
        return new Delivered(started, dataSent, System.nanoTime());
    }

    private void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private void expect(String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("LMTP connection closed, expected " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("LMTP: expected " + code + ", got " + line);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            send("QUIT\r\n");
        } finally {
            socket.close();
        }
    }
}
