package org.koppel.gateway.imap.syntax;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every prefix of the valid corpus and 100k random mutations of it must end in commands, clean command errors or
 * EOF, never another exception, a hang or a large allocation.
 */
class CommandReaderFuzzTest {

    private static final String[] INSERTS = {"{", "}", "{5}\r\n", "{3+}\r\n", "~{2}\r\n", "{99999999999}\r\n",
        "{4294967296+}\r\n", "{9999999999999999999}\r\n", "{9999999999999999999+}\r\n", "\r\n", "\n", "(", ")",
        "[", "]", "<", ">", " ", "\"", "\\", "*", "$", ":", ",", "0",
        "4294967295", "99999999999999999999", "NIL", "UID ", "&", "&-", "\u0000", "\u00ff", "RETURN ()", "CHARSET ",
        "NOT ", "OR ", "BODY[", "HEADER.FIELDS (", ".PEEK", "<0.1>", "+FLAGS", "\"31-Feb-2000 00:00:00 +0000\""};

    @TempDir
    Path spool;

    private CommandLimits limits() {
        return new CommandLimits(4096, 1 << 20, 2048, 1 << 20, 4096, Optional.of(spool));
    }

    private void readAll(byte[] input) throws Exception {
        CommandReader reader = new CommandReader(new ByteArrayInputStream(input), limits());
        for (int i = 0; i < 1000; i++) {
            try {
                Optional<ImapCommand> command = reader.read(() -> { });
                if (command.isEmpty()) {
                    return;
                }
                if (command.get() instanceof ImapCommand.Append append) {
                    append.close();
                }
            } catch (CommandException e) {
                if (e.disconnect()) {
                    return;
                }
            } catch (EOFException e) {
                return;
            } catch (RuntimeException e) {
                fail("unexpected " + e + " for input " + HexFormat.of().formatHex(input) + "\n"
                        + new String(input, StandardCharsets.ISO_8859_1), e);
            }
        }
        fail("reader made no progress on " + new String(input, StandardCharsets.ISO_8859_1));
    }

    @Test
    void everyPrefixOfEveryValidCommand() throws Exception {
        List<byte[]> corpus = new ArrayList<>(CommandCorpus.load("valid.txt"));
        corpus.addAll(CommandCorpus.load("invalid.txt"));
        assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
            for (byte[] entry : corpus) {
                for (int n = 0; n <= entry.length; n++) {
                    byte[] prefix = new byte[n];
                    System.arraycopy(entry, 0, prefix, 0, n);
                    readAll(prefix);
                }
            }
        });
        assertSpoolEmpty();
    }

    @Test
    void randomMutations() throws Exception {
        List<byte[]> corpus = CommandCorpus.load("valid.txt");
        Random random = new Random(20261129);
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            for (int i = 0; i < 100_000; i++) {
                readAll(mutate(corpus, random));
            }
        });
        assertSpoolEmpty();
    }

    private void assertSpoolEmpty() throws Exception {
        try (var files = Files.list(spool)) {
            if (files.findAny().isPresent()) {
                fail("a literal's temp file was left behind");
            }
        }
    }

    private static byte[] mutate(List<byte[]> corpus, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int commands = 1 + random.nextInt(3);
        for (int c = 0; c < commands; c++) {
            out.writeBytes(corpus.get(random.nextInt(corpus.size())));
        }
        byte[] data = out.toByteArray();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int pos = data.length == 0 ? 0 : random.nextInt(data.length);
            data = switch (random.nextInt(5)) {
                case 0 -> {
                    if (data.length > 0) {
                        data[pos] = (byte) random.nextInt(256);
                    }
                    yield data;
                }
                case 1 -> splice(data, pos, Math.min(data.length, pos + random.nextInt(8)), new byte[0]);
                case 2 -> splice(data, pos, pos, INSERTS[random.nextInt(INSERTS.length)]
                        .getBytes(StandardCharsets.ISO_8859_1));
                case 3 -> {
                    int end = Math.min(data.length, pos + random.nextInt(20));
                    byte[] copy = java.util.Arrays.copyOfRange(data, pos, end);
                    yield splice(data, end, end, copy);
                }
                default -> java.util.Arrays.copyOf(data, pos);
            };
        }
        return data;
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data, 0, from);
        out.writeBytes(insert);
        out.write(data, to, data.length - to);
        return out.toByteArray();
    }
}
