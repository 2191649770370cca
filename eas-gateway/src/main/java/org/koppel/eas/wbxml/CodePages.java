package org.koppel.eas.wbxml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ActiveSync code pages 0-25, built once from the table {@code code-pages.txt} and then
 * immutable. Build one with {@link #load()} at start-up and pass it to readers, writers and
 * command codecs; nothing here is static.
 */
public final class CodePages {
    private static final String RESOURCE = "code-pages.txt";

    private final CodePage[] byNumber;
    private final Map<String, CodePage> byName;
    private final Map<String, CodePage> byNamespace;

    private CodePages(List<CodePage> pages) {
        int max = pages.stream().mapToInt(CodePage::number).max().orElse(-1);
        byNumber = new CodePage[max + 1];
        Map<String, CodePage> names = new LinkedHashMap<>();
        Map<String, CodePage> namespaces = new LinkedHashMap<>();
        for (CodePage p : pages) {
            byNumber[p.number()] = p;
            names.put(p.name(), p);
            namespaces.put(p.name().toLowerCase(Locale.ROOT), p);
        }
        byName = Map.copyOf(names);
        byNamespace = Map.copyOf(namespaces);
    }

    /** Reads the code page table shipped with this module. */
    public static CodePages load() {
        try (InputStream in = CodePages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a table in the format of {@code code-pages.txt}; a bad line is a programming error. */
    static CodePages parse(Reader table) throws IOException {
        List<CodePage> pages = new ArrayList<>();
        BufferedReader in = new BufferedReader(table);
        String line;
        int lineNo = 0;
        int page = -1;
        String pageName = null;
        String prefix = null;
        Map<String, Tag> tags = new LinkedHashMap<>();
        while ((line = in.readLine()) != null) {
            lineNo++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] f = s.split("\\s+");
            if (f[0].equals("page")) {
                if (f.length != 4) {
                    throw bad(lineNo, "page line needs number, name, prefix");
                }
                if (pageName != null) {
                    pages.add(new CodePage(page, pageName, prefix, tags));
                }
                int next = Integer.parseInt(f[1]);
                if (next != pages.size()) {
                    throw bad(lineNo, "pages must be numbered 0, 1, 2, ... in order; got " + next);
                }
                page = next;
                pageName = f[2];
                prefix = f[3];
                tags = new LinkedHashMap<>();
            } else {
                if (pageName == null || f.length != 3 || !f[0].startsWith("0x")) {
                    throw bad(lineNo, "expected '<0xToken> <Name> <versions>'");
                }
                int token = Integer.parseInt(f[0].substring(2), 16);
                Tag tag;
                try {
                    tag = new Tag(page, token, f[1], versions(f[2]));
                } catch (IllegalArgumentException e) {
                    throw bad(lineNo, e.getMessage());
                }
                if (tags.values().stream().anyMatch(t -> t.token() == token)) {
                    throw bad(lineNo, "token defined twice on page " + page);
                }
                if (tags.putIfAbsent(tag.name(), tag) != null) {
                    throw bad(lineNo, "tag " + tag.name() + " defined twice on page " + page);
                }
            }
        }
        if (pageName != null) {
            pages.add(new CodePage(page, pageName, prefix, tags));
        }
        return new CodePages(pages);
    }

    private static EnumSet<ProtocolVersion> versions(String spec) {
        ProtocolVersion[] all = ProtocolVersion.values();
        if (spec.equals("All")) {
            return EnumSet.allOf(ProtocolVersion.class);
        }
        if (spec.endsWith("+")) {
            return EnumSet.range(version(spec.substring(0, spec.length() - 1)), all[all.length - 1]);
        }
        int dash = spec.indexOf('-');
        if (dash > 0) {
            return EnumSet.range(version(spec.substring(0, dash)), version(spec.substring(dash + 1)));
        }
        return EnumSet.of(version(spec));
    }

    private static ProtocolVersion version(String s) {
        return ProtocolVersion.fromHeader(s)
                .orElseThrow(() -> new IllegalArgumentException("unknown protocol version " + s));
    }

    private static IOException bad(int line, String why) {
        return new IOException(RESOURCE + " line " + line + ": " + why);
    }

    /** All pages, by number. */
    public List<CodePage> pages() {
        return List.of(byNumber);
    }

    public Optional<CodePage> page(int number) {
        return number >= 0 && number < byNumber.length ? Optional.of(byNumber[number]) : Optional.empty();
    }

    /** The page named {@code name} ("AirSync", "Email", ...). */
    public Optional<CodePage> page(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The page for an XML namespace: ActiveSync writes {@code "AirSync:"} (MS-ASHTTP, libwbxml)
     * while the MS-ASCMD schemas write {@code "AirSync"}; both are accepted, case-insensitively.
     */
    public Optional<CodePage> pageForNamespace(String namespace) {
        if (namespace == null) {
            return Optional.empty();
        }
        String n = namespace.endsWith(":") ? namespace.substring(0, namespace.length() - 1) : namespace;
        return Optional.ofNullable(byNamespace.get(n.toLowerCase(Locale.ROOT)));
    }

    public Optional<Tag> tag(int page, int token) {
        return page(page).flatMap(p -> p.tag(token));
    }

    public Optional<Tag> tag(String pageName, String tagName) {
        return page(pageName).flatMap(p -> p.tag(tagName));
    }

    /** The tag, or an IllegalArgumentException: for codecs naming tags in their own code. */
    public Tag require(String pageName, String tagName) {
        return tag(pageName, tagName)
                .orElseThrow(() -> new IllegalArgumentException("no tag " + pageName + ":" + tagName));
    }

    /** Array lookup for the reader's hot path; null when undefined. */
    CodePage pageOrNull(int number) {
        return number >= 0 && number < byNumber.length ? byNumber[number] : null;
    }
}
