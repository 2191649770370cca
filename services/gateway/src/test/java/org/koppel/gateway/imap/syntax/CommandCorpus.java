package org.koppel.gateway.imap.syntax;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Client commands from test resources: entries separated by {@code =====} lines, LF turned into CRLF. */
final class CommandCorpus {

    private CommandCorpus() {
    }

    static List<byte[]> load(String name) {
        try (InputStream in = CommandCorpus.class.getResourceAsStream("/imap/commands/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            List<byte[]> entries = new ArrayList<>();
            for (String entry : text.split("\n=====\n")) {
                entries.add((entry.stripTrailing().replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
