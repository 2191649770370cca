package org.koppel.gateway.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.koppel.gateway.auth.SaslPlain;

/** The command parser, the line reader and the byte-stuffing, with random mutations of valid commands. */
class Pop3RequestTest {

    private static final List<String> CORPUS = List.of("USER alice", "PASS sec ret", "AUTH PLAIN AGFsaWNlAHB3",
            "AUTH", "STAT", "LIST", "LIST 1", "UIDL 2", "RETR 3", "TOP 1 10", "DELE 1", "RSET", "NOOP", "QUIT",
            "CAPA", "STLS");

    @Test
    void parsesCommands() {
        assertEquals(Optional.of(new Pop3Request(Pop3Command.PASS, List.of("sec ret"))),
                Pop3Request.parse("pass sec ret").request());
        assertEquals(Optional.of(new Pop3Request(Pop3Command.TOP, List.of("1", "10"))),
                Pop3Request.parse("TOP 1 10").request());
        assertEquals(Optional.of(Pop3Request.Problem.BAD_ARGUMENTS), Pop3Request.parse("RETR").problem());
        assertEquals(Optional.of(Pop3Request.Problem.UNKNOWN_COMMAND), Pop3Request.parse("APOP a b").problem());
        assertEquals(Optional.of(Pop3Request.Problem.UNKNOWN_COMMAND), Pop3Request.parse("").problem());
    }

    @Test
    void randomMutationsEndInARequestOrAProblem() throws Exception {
        Random random = new Random(1939);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = CORPUS.get(random.nextInt(CORPUS.size())).getBytes(StandardCharsets.UTF_8);
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations && b.length > 0; m++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            String line = new String(b, StandardCharsets.UTF_8);
            Pop3Request.Parsed p = Pop3Request.parse(line);
            assertTrue(p.request().isPresent() != p.problem().isPresent(), line);
            SaslPlain.decode(b);
            LineReader.Result r = new LineReader(16).read(new ByteArrayInputStream(b));
            assertTrue(r != null);
        }
    }

    @Test
    void dotStuffingAndTermination() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DotStuffing d = new DotStuffing(out);
        d.write(".a\r\nb\r\n..c\r\n.".getBytes(StandardCharsets.US_ASCII));
        d.write('\r');
        d.write('\n');
        d.write('.');
        d.finish();
        assertEquals("..a\r\nb\r\n...c\r\n..\r\n..\r\n.\r\n", out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void longLinesAreSkippedWhole() throws Exception {
        LineReader reader = new LineReader(8);
        ByteArrayInputStream in = new ByteArrayInputStream("NOOP\r\n0123456789abc\r\nSTAT\nx".getBytes(
                StandardCharsets.US_ASCII));
        assertEquals(new LineReader.Line("NOOP"), reader.read(in));
        assertEquals(new LineReader.TooLong(), reader.read(in));
        assertEquals(new LineReader.Line("STAT"), reader.read(in));
        assertEquals(new LineReader.End(), reader.read(in));
    }
}
