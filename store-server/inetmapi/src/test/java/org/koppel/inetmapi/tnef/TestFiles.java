package org.koppel.inetmapi.tnef;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Reads the test data in src/test/resources/tnef. */
final class TestFiles {

    private TestFiles() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/tnef/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hex dump: '#' starts a comment, whitespace separates bytes. */
    static byte[] hex(String name) {
        StringBuilder digits = new StringBuilder();
        for (String line : new String(bytes(name), StandardCharsets.US_ASCII).split("\n")) {
            int hash = line.indexOf('#');
            digits.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s", ""));
        }
        return HexFormat.of().parseHex(digits);
    }
}
