package org.koppel.eas.wbxml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test data from src/test/resources/org/koppel/eas/wbxml. */
final class Fixtures {
    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex bytes; whitespace and '#' comments to the end of the line are ignored. */
    static byte[] hex(String name) {
        StringBuilder digits = new StringBuilder();
        for (String line : text(name).split("\n")) {
            int hash = line.indexOf('#');
            digits.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s+", ""));
        }
        return java.util.HexFormat.of().parseHex(digits);
    }

    /** Names (without extension) of files with this extension in a resource folder. */
    static List<String> names(String folder, String extension) {
        URL url = Fixtures.class.getResource(folder);
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<String> names = new ArrayList<>();
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(extension)).sorted()
                    .forEach(n -> names.add(n.substring(0, n.length() - extension.length())));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event of a document as a line, for comparing documents. Opaque data in hex. */
    static List<String> events(CodePages pages, byte[] wbxml) throws IOException {
        WbxmlReader r = new WbxmlReader(new ByteArrayInputStream(wbxml), pages);
        List<String> out = new ArrayList<>();
        while (true) {
            switch (r.next()) {
                case START_TAG -> out.add("<" + r.tag().page() + ":" + r.tag().name());
                case END_TAG -> out.add(">" + r.tag().name());
                case TEXT -> out.add("T" + r.text());
                case OPAQUE -> out.add("O" + java.util.HexFormat.of().formatHex(r.opaqueBytes()));
                case END_DOCUMENT -> {
                    return out;
                }
            }
        }
    }
}
