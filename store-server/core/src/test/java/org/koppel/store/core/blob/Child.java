package org.koppel.store.core.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.koppel.store.core.db.DatabaseConfig;

/**
 * A {@link BlobStoreChild} JVM on the test class path. Its output goes to files rather than pipes: a
 * pipe read while the JDK reaps a killed child can lose the last lines, and those are the ones a crash
 * test needs.
 */
record Child(Process process, Path stdoutFile, Path stderrFile) {

    static Child start(Path workDir, String maxHeap, String mode, BlobStoreKind kind, DatabaseConfig db,
            Path blobRoot, int chunkSize, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=org/koppel/store/core/blob/child-logback.xml",
                "-cp", System.getProperty("java.class.path"),
                BlobStoreChild.class.getName(),
                mode, kind.name(), db.jdbcUrl(), db.user(), db.password(), blobRoot.toString(),
                Integer.toString(chunkSize)));
        command.addAll(List.of(extra));
        Path stdout = workDir.resolve("child-" + mode + ".out");
        Path stderr = workDir.resolve("child-" + mode + ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        return new Child(process, stdout, stderr);
    }

    /** Waits until the child has reported {@code count} lines starting with {@code prefix}. */
    void awaitLines(String prefix, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines().stream().filter(l -> l.startsWith(prefix)).count() < count) {
            if (!process.isAlive()) {
                throw new AssertionError("child exited early (" + process.exitValue() + "): " + stderr());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("child too slow; reported " + lines().size() + " lines: " + stderr());
            }
            Thread.sleep(20);
        }
    }

    /** The lines reported so far (the last one may be cut short if the child was killed writing it). */
    List<String> lines() {
        try {
            return Files.readAllLines(stdoutFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reported facts by kind ("PUT", "READ", ...), each without its kind. */
    Map<String, List<String>> facts() {
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (String line : lines()) {
            int space = line.indexOf(' ');
            if (space > 0) {
                facts.computeIfAbsent(line.substring(0, space), k -> new ArrayList<>())
                        .add(line.substring(space + 1));
            }
        }
        return facts;
    }

    String stdout() {
        return String.join("\n", lines());
    }

    String stderr() {
        try {
            String text = Files.readString(stderrFile);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
