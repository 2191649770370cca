package org.koppel.gateway.imap.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * A parsed Content-Type or Content-Disposition: lower-case type and subtype (or disposition value) and the
 * parameters as written (RFC 2231 continuations are passed through, as BODYSTRUCTURE does).
 */
public record ContentType(String type, String subtype, List<Parameter> parameters) {

    public record Parameter(String name, String value) {
    }

    public ContentType {
        parameters = List.copyOf(parameters);
    }

    static final ContentType TEXT_PLAIN = new ContentType("text", "plain", List.of(new Parameter("charset", "us-ascii")));
    static final ContentType MESSAGE_RFC822 = new ContentType("message", "rfc822", List.of());

    public Optional<String> parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    public boolean is(String t, String s) {
        return type.equals(t) && subtype.equals(s);
    }

    public boolean multipart() {
        return type.equals("multipart");
    }

    /** The Content-Type of a part, or the default when missing or malformed (RFC 2045 5.2). */
    static ContentType of(Optional<HeaderField> field, ContentType defaultType) {
        if (field.isEmpty()) {
            return defaultType;
        }
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(new RawField("Content-Type", field.get().text()));
        String value = body.getValue() == null ? "" : body.getValue().toLowerCase(Locale.ROOT).strip();
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            return defaultType;
        }
        return new ContentType(value.substring(0, slash), value.substring(slash + 1), parameters(body));
    }

    /** A Content-Disposition: {@code type} is the disposition, {@code subtype} empty. */
    static Optional<ContentType> disposition(Optional<HeaderField> field) {
        if (field.isEmpty()) {
            return Optional.empty();
        }
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(new RawField("Content-Disposition", field.get().text()));
        if (body.getValue() == null || body.getValue().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ContentType(body.getValue().strip().toLowerCase(Locale.ROOT), "", parameters(body)));
    }

    private static List<Parameter> parameters(RawBody body) {
        List<Parameter> out = new ArrayList<>();
        for (NameValuePair p : body.getParams()) {
            if (p.getName() != null && !p.getName().isEmpty()) {
                out.add(new Parameter(p.getName(), p.getValue() == null ? "" : p.getValue()));
            }
        }
        return out;
    }
}
