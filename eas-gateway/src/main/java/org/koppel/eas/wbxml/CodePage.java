package org.koppel.eas.wbxml;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * One ActiveSync code page: its number, name (also its XML namespace, {@code name + ":"}),
 * the XML prefix used when it is not the default namespace, and its tags.
 */
public final class CodePage {
    private final int number;
    private final String name;
    private final String prefix;
    private final Tag[] byToken;
    private final Map<String, Tag> byName;

    CodePage(int number, String name, String prefix, Map<String, Tag> byName) {
        this.number = number;
        this.name = name;
        this.prefix = prefix;
        this.byName = Map.copyOf(byName);
        this.byToken = new Tag[0x40];
        for (Tag t : this.byName.values()) {
            byToken[t.token()] = t;
        }
    }

    public int number() {
        return number;
    }

    public String name() {
        return name;
    }

    /** The XML namespace of this page, as ActiveSync writes it: {@code "AirSync:"}. */
    public String namespace() {
        return name + ":";
    }

    public String prefix() {
        return prefix;
    }

    /** The tag for a token (0x00-0x3F, content and attribute bits removed), if defined. */
    public Optional<Tag> tag(int token) {
        return token >= 0 && token < byToken.length ? Optional.ofNullable(byToken[token]) : Optional.empty();
    }

    public Optional<Tag> tag(String tagName) {
        return Optional.ofNullable(byName.get(tagName));
    }

    public Collection<Tag> tags() {
        return byName.values();
    }

    /** Array lookup for the reader's hot path; null when undefined. */
    Tag tagOrNull(int token) {
        return byToken[token];
    }

    @Override
    public String toString() {
        return number + ":" + name;
    }
}
