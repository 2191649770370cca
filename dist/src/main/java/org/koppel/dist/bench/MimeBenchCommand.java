package org.koppel.dist.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.koppel.dist.KoppelVersion;
import org.koppel.inetmapi.ContentMessage;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.inetmapi.mime.ConvertedMessage;
import org.koppel.inetmapi.mime.MimeReader;
import org.koppel.inetmapi.mime.MimeWriter;
import org.koppel.store.client.MessageContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code koppel bench mime}: MIME -> MAPI and MAPI -> MIME throughput over a corpus on one thread, and the
 * live heap while a message with a 50 MB attachment converts both ways.
 */
@Command(name = "mime", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "MIME conversion throughput over a corpus, and peak live heap for a 50 MB message.")
final class MimeBenchCommand implements Callable<Integer> {

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "Directory of RFC 5322 messages. Default: ../shared/corpus/mime/python-email above the working directory.")
    Path corpus;

    @Option(names = "--rounds", defaultValue = "200", paramLabel = "N", description = "Passes over the corpus. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--big-mb", defaultValue = "50", paramLabel = "MB", description = "Attachment size of the big message. Default: ${DEFAULT-VALUE}.")
    int bigMb;

    @Override
    public Integer call() throws Exception {
        Path dir = corpus != null ? corpus : findCorpus();
        if (dir == null || !Files.isDirectory(dir)) {
            System.err.println("koppel bench mime: no corpus directory; give --corpus DIR");
            return 2;
        }
        List<byte[]> messages = new ArrayList<>();
        long bytes = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] b = Files.readAllBytes(f);
                messages.add(b);
                bytes += b.length;
            }
        }
        LocalNamedTags names = new LocalNamedTags();
        MimeReader reader = new MimeReader(names);
        MimeWriter writer = new MimeWriter(names);
        List<MessageContent> contents = new ArrayList<>();
        List<ConvertedMessage> open = new ArrayList<>();
        for (byte[] m : messages) {
            ConvertedMessage c = reader.read(new ByteArrayInputStream(m), Instant.EPOCH);
            open.add(c);
            contents.add(c.content());
        }
        int warm = Math.max(1, rounds / 5);
        parse(reader, messages, warm);
        long t0 = System.nanoTime();
        parse(reader, messages, rounds);
        double parseSeconds = (System.nanoTime() - t0) / 1e9;
        CountingOutput sink = new CountingOutput();
        write(writer, contents, warm, sink);
        sink.count = 0;
        t0 = System.nanoTime();
        write(writer, contents, rounds, sink);
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        open.forEach(ConvertedMessage::close);
        open.clear();
        contents.clear();
        int count = messages.size();
        messages.clear();

        System.out.printf("Koppel MIME benchmark: %d messages (%.1f KB) from %s, %d rounds, one thread, Java %s%n",
                count, bytes / 1024.0, dir, rounds, Runtime.version());
        long n = (long) count * rounds;
        System.out.printf("MIME -> MAPI: %,.0f messages/s, %.1f MB/s%n", n / parseSeconds, bytes * rounds / parseSeconds / 1e6);
        System.out.printf("MAPI -> MIME: %,.0f messages/s, %.1f MB/s (written)%n", n / writeSeconds, sink.count / writeSeconds / 1e6);
        bigMessage(reader, writer);
        return 0;
    }

    private static void parse(MimeReader reader, List<byte[]> messages, int rounds) throws IOException {
        for (int r = 0; r < rounds; r++) {
            for (byte[] m : messages) {
                try (ConvertedMessage c = reader.read(new ByteArrayInputStream(m), Instant.EPOCH)) {
                    if (c.content() == null) {
                        throw new IllegalStateException();
                    }
                }
            }
        }
    }

    private static void write(MimeWriter writer, List<MessageContent> contents, int rounds, OutputStream sink)
            throws IOException {
        for (int r = 0; r < rounds; r++) {
            for (MessageContent c : contents) {
                writer.write(new ContentMessage(c), sink);
            }
        }
    }

    /** Converts a message with a big attachment both ways while sampling the live heap after full GCs. */
    private void bigMessage(MimeReader reader, MimeWriter writer) throws Exception {
        Path file = Files.createTempFile("koppel-bench-big", ".eml");
        try {
            Files.write(file, ("From: a@example.org\r\nTo: b@example.org\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\n"
                        + "a big attachment follows\r\n--B\r\nContent-Type: application/octet-stream; name=big.bin\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // The encoder flushes its last bytes only on close, which closes the file: the trailer is appended.
            try (OutputStream b64 = java.util.Base64.getMimeEncoder().wrap(
                    Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND))) {
                byte[] chunk = new byte[1 << 16];
                new java.util.Random(1).nextBytes(chunk);
                for (long done = 0; done < (long) bigMb << 20; done += chunk.length) {
                    b64.write(chunk);
                }
            }
            Files.write(file, "\r\n--B--\r\n".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            java.util.concurrent.atomic.AtomicInteger samples = new java.util.concurrent.atomic.AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    System.gc();
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    samples.incrementAndGet();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long t0 = System.nanoTime();
            long written;
            try (InputStream in = Files.newInputStream(file); ConvertedMessage c = reader.read(in, Instant.EPOCH)) {
                CountingOutput sink = new CountingOutput();
                writer.write(new ContentMessage(c.content()), sink);
                written = sink.count;
            } finally {
                running.set(false);
                sampler.join();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d MB attachment (%.1f MB message) read and written back in %.2f s (with a full GC every"
                    + " 5 ms for the samples); live heap peak %.2f MB above the baseline of %.1f MB over %d samples"
                    + " (target < 32 MB)%n", bigMb, Files.size(file) / 1e6, seconds,
                    (peak.get() - baseline) / 1048576.0, baseline / 1048576.0, samples.get());
            if (written < (long) bigMb << 20) {
                throw new IllegalStateException("the big message was not written out");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Path findCorpus() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path c = p.resolve("../shared/corpus/mime/python-email").normalize();
            if (Files.isDirectory(c)) {
                return c;
            }
            p = p.getParent();
        }
        return null;
    }

    private static final class CountingOutput extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

}
