package org.koppel.dagent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal LMTP client over a real socket for the tests: one transaction, the replies per recipient. */
final class LmtpClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    LmtpClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        reply();
        command("LHLO client.example.net");
    }

    /** The last line of the next reply (multi-line replies are read to their end). */
    String reply() throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    String command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply();
    }

    /** MAIL, RCPT each, DATA with the message (LF or CRLF lines): the DATA replies of the accepted recipients. */
    List<String> send(String sender, List<String> recipients, String message) throws IOException {
        command("MAIL FROM:<" + sender + ">");
        int accepted = 0;
        for (String r : recipients) {
            if (command("RCPT TO:<" + r + ">").startsWith("250")) {
                accepted++;
            }
        }
        List<String> replies = new ArrayList<>();
        if (accepted == 0) {
            command("RSET");
            return replies;
        }
        String start = command("DATA");
        if (!start.startsWith("354")) {
            throw new IOException("DATA refused: " + start);
        }
        StringBuilder data = new StringBuilder();
        for (String line : message.replace("\r\n", "\n").split("\n", -1)) {
            data.append(line.startsWith(".") ? "." + line : line).append("\r\n");
        }
        data.append(".\r\n");
        out.write(data.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        for (int i = 0; i < accepted; i++) {
            replies.add(reply());
        }
        return replies;
    }

    @Override
    public void close() throws IOException {
        try {
            command("QUIT");
        } finally {
            socket.close();
        }
    }
}
