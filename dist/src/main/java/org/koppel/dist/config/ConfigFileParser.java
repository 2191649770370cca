package org.koppel.dist.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Kopano-style configuration text: one {@code key = value} per line, {@code #} comment lines and
 * blank lines ignored, key and value trimmed. A value may be empty and may contain {@code =} and
 * {@code #} (only whole lines are comments, so passwords can hold any character). Any other line is an
 * error naming the file and line.
 */
public final class ConfigFileParser {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]+");

    public List<ConfigEntry> parse(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /** Parses text; {@code name} is the file name used in messages. */
    public List<ConfigEntry> parse(String name, String text) {
        List<ConfigEntry> entries = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            ConfigSource source = ConfigSource.fileLine(name, lineNo);
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(source + ": expected 'key = value', found '" + abbreviate(line) + "'");
            }
            String key = line.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                throw new ConfigException(source + ": '" + abbreviate(key)
                        + "' is not a key (letters, digits and _ only)");
            }
            entries.add(new ConfigEntry(key, line.substring(eq + 1).strip(), source));
        }
        return entries;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
