package org.koppel.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * An item's body as MS-ASAIRS 2.2.2.9 sends it.
 *
 * @param estimatedDataSize the size in bytes of the whole body in this type, before truncation
 * @param truncated         whether {@code data} holds less than the whole body
 * @param data              the (possibly truncated) body; empty when AllOrNone left it out
 * @param preview           plain-text preview (14.0+), when asked for
 */
public record Body(BodyType type, long estimatedDataSize, boolean truncated, Optional<BodyData> data,
        Optional<String> preview) {

    public Body {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(preview, "preview");
    }

    /** Body data: text for plain text and HTML, a byte stream of known length for MIME. */
    public sealed interface BodyData {
    }

    public record Text(String text) implements BodyData {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    public record Stream(long length, ContentSource source) implements BodyData {
        public Stream {
            Objects.requireNonNull(source, "source");
        }
    }
}
