package org.koppel.gateway.imap;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.koppel.gateway.script.ScriptedSession;

/** A thin IMAP client for Java tests over {@link ScriptedSession}: tagged commands and their responses. */
final class ImapClient implements AutoCloseable {

    final ScriptedSession s;
    private int next = 1;

    private ImapClient(ScriptedSession s) {
        this.s = s;
    }

    /** Connects to the plain port and reads the greeting. */
    static ImapClient connect(int port) throws IOException {
        ImapClient c = new ImapClient(ScriptedSession.connect("127.0.0.1", port));
        c.s.expect("\\* OK .+");
        return c;
    }

    /** Connects and logs in (password {@code <user>-pw}). */
    static ImapClient login(int port, String user) throws IOException {
        ImapClient c = connect(port);
        c.ok("LOGIN " + user + " " + user + "-pw");
        return c;
    }

    String tag() {
        return "t" + next++;
    }

    /** Sends a command and returns every response line up to and including the tagged one. */
    List<String> command(String command) throws IOException {
        String tag = tag();
        s.send(tag + " " + command);
        return responses(tag);
    }

    /** The lines up to and including the tagged response of {@code tag}. */
    List<String> responses(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = s.readLine();
            if (line == null) {
                fail("connection closed before the tagged response of " + tag + "; so far:\n" + s.transcript());
            }
            lines.add(line);
            if (line.startsWith(tag + " ")) {
                return lines;
            }
        }
    }

    /** Sends a command that must complete OK; returns its untagged responses and the tagged one. */
    List<String> ok(String command) throws IOException {
        List<String> lines = command(command);
        String last = lines.get(lines.size() - 1);
        if (!last.matches("\\S+ OK .+")) {
            fail("expected OK for " + command + " but got " + last + "; so far:\n" + s.transcript());
        }
        return lines;
    }

    /** The UIDs of the selected mailbox, by sequence number (index 0 = message 1). */
    List<Long> uids() throws IOException {
        List<Long> out = new ArrayList<>();
        Pattern p = Pattern.compile("\\* (\\d+) FETCH \\(UID (\\d+).*");
        for (String line : ok("FETCH 1:* (UID)")) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                out.add(Long.parseLong(m.group(2)));
            }
        }
        return out;
    }

    /** The first group of {@code regex} in the first line matching it, or fails. */
    static String find(List<String> lines, String regex) {
        Pattern p = Pattern.compile(regex);
        for (String line : lines) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                return m.groupCount() > 0 ? m.group(1) : line;
            }
        }
        fail("no line /" + regex + "/ in " + lines);
        return null;
    }

    @Override
    public void close() {
        s.close();
    }
}
