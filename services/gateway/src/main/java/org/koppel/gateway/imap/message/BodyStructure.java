package org.koppel.gateway.imap.message;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.koppel.gateway.imap.syntax.ResponseWriter;

/**
 * BODYSTRUCTURE and BODY (RFC 9051 7.5.2) of a message, derived from its {@link MimePart} tree. Types, subtypes,
 * parameter names and encodings are upper-cased as in the RFC's examples; values are as written.
 */
public sealed interface BodyStructure {

    /**
     * A non-multipart part. {@code lines} for text/* and message/rfc822; {@code envelope} and {@code embedded} for
     * message/rfc822 (and message/global).
     */
    record Single(String type, String subtype, List<ContentType.Parameter> parameters, Optional<String> id,
            Optional<String> description, String encoding, long size, OptionalLong lines, Optional<Envelope> envelope,
            Optional<BodyStructure> embedded, Optional<String> md5, Optional<ContentType> disposition,
            List<String> language, Optional<String> location) implements BodyStructure {
        public Single {
            parameters = List.copyOf(parameters);
            language = List.copyOf(language);
        }
    }

    record Multipart(List<BodyStructure> parts, String subtype, List<ContentType.Parameter> parameters,
            Optional<ContentType> disposition, List<String> language, Optional<String> location)
            implements BodyStructure {
        public Multipart {
            parts = List.copyOf(parts);
            parameters = List.copyOf(parameters);
            language = List.copyOf(language);
        }
    }

    /** The structure of a message whose root entity is {@code root}. */
    static BodyStructure of(MimePart root) {
        Headers h = root.headers();
        Optional<ContentType> disposition = ContentType.disposition(h.first("Content-Disposition"));
        List<String> language = language(h);
        Optional<String> location = h.text("Content-Location");
        ContentType type = root.contentType();
        if (type.multipart()) {
            List<BodyStructure> parts = new ArrayList<>();
            for (MimePart child : root.children()) {
                parts.add(of(child));
            }
            if (parts.isEmpty()) {
                parts.add(new Single("text", "plain", ContentType.TEXT_PLAIN.parameters(), Optional.empty(),
                        Optional.empty(), "7bit", 0, OptionalLong.of(0), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of(), Optional.empty()));
            }
            return new Multipart(parts, type.subtype(), type.parameters(), disposition, language, location);
        }
        if (type.type().equals("message") && root.embedded().isEmpty()
                && (type.subtype().equals("rfc822") || type.subtype().equals("global"))) {
            // nested too deep to parse: body-type-msg would need an envelope we do not have
            type = new ContentType("application", "octet-stream", type.parameters());
        }
        boolean text = type.type().equals("text");
        if (text && type.parameter("charset").isEmpty()) {
            List<ContentType.Parameter> params = new ArrayList<>(type.parameters());
            params.addFirst(new ContentType.Parameter("charset", "us-ascii"));
            type = new ContentType(type.type(), type.subtype(), params);
        }
        OptionalLong lines = text || root.isMessage() ? OptionalLong.of(root.bodyLines()) : OptionalLong.empty();
        return new Single(type.type(), type.subtype(), type.parameters(), h.text("Content-ID"),
                h.text("Content-Description"), root.transferEncoding(), root.bodySize(), lines,
                root.embedded().map(e -> Envelope.of(e.headers())), root.embedded().map(BodyStructure::of),
                h.text("Content-MD5"), disposition, language, location);
    }

    private static List<String> language(Headers h) {
        List<String> out = new ArrayList<>();
        h.text("Content-Language").ifPresent(v -> {
            for (String tag : v.split(",")) {
                if (!tag.isBlank()) {
                    out.add(tag.strip());
                }
            }
        });
        return out;
    }

    /** Writes the structure: BODYSTRUCTURE with {@code extended}, the non-extensible BODY without. */
    default void write(ResponseWriter w, boolean extended) throws IOException {
        w.openList();
        switch (this) {
            case Multipart m -> {
                for (BodyStructure part : m.parts()) {
                    w.adjacent();
                    part.write(w, extended);
                }
                w.string(upper(m.subtype()));
                if (extended) {
                    parameters(w, m.parameters());
                    disposition(w, m.disposition());
                    language(w, m.language());
                    w.nstring(m.location().orElse(null));
                }
            }
            case Single s -> {
                w.string(upper(s.type()));
                w.string(upper(s.subtype()));
                List<ContentType.Parameter> params = s.parameters();
                parameters(w, params);
                w.nstring(s.id().orElse(null));
                w.nstring(s.description().orElse(null));
                w.string(upper(s.encoding()));
                w.number(s.size());
                if (s.envelope().isPresent() && s.embedded().isPresent()) {
                    s.envelope().get().write(w);
                    s.embedded().get().write(w, extended);
                }
                if (s.lines().isPresent()) {
                    w.number(s.lines().getAsLong());
                }
                if (extended) {
                    w.nstring(s.md5().orElse(null));
                    disposition(w, s.disposition());
                    language(w, s.language());
                    w.nstring(s.location().orElse(null));
                }
            }
        }
        w.closeList();
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static void parameters(ResponseWriter w, List<ContentType.Parameter> params) throws IOException {
        if (params.isEmpty()) {
            w.nil();
            return;
        }
        w.openList();
        for (ContentType.Parameter p : params) {
            w.string(upper(p.name()));
            w.string(p.value());
        }
        w.closeList();
    }

    private static void disposition(ResponseWriter w, Optional<ContentType> disposition) throws IOException {
        if (disposition.isEmpty()) {
            w.nil();
            return;
        }
        w.openList();
        w.string(upper(disposition.get().type()));
        parameters(w, disposition.get().parameters());
        w.closeList();
    }

    private static void language(ResponseWriter w, List<String> language) throws IOException {
        if (language.isEmpty()) {
            w.nil();
        } else if (language.size() == 1) {
            w.string(language.getFirst());
        } else {
            w.openList();
            for (String tag : language) {
                w.string(tag);
            }
            w.closeList();
        }
    }
}
