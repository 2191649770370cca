package org.koppel.gateway.imap.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the MIME structure of a message in one pass over its octets, recording exact offsets. mime4j's token stream
 * gives parts but not the octet offsets that BODY[section], RFC822.SIZE-exact part sizes and line counts need, so
 * boundaries are found here (RFC 2046 5.1.1: the line break before a delimiter belongs to the delimiter) and mime4j
 * parses the header field values.
 */
public final class MessageStructure {

    private static final int KEEP = 64 * 1024;
    private static final int MAX_DEPTH = 40;
    private static final int MAX_PARTS = 5000;
    private static final int MAX_HEADER_OCTETS = 1 << 20;

    private final LineSource source;
    private int parts;

    private MessageStructure(InputStream in) {
        this.source = new LineSource(in, KEEP);
    }

    /** The structure of the message in {@code in}, read to its end; the root's body end is the message size. */
    public static MimePart parse(InputStream in) throws IOException {
        return new MessageStructure(in).entity(ContentType.TEXT_PLAIN, List.of(), 0);
    }

    private record Delimiter(int depth, boolean close) {
    }

    private MimePart entity(ContentType defaultType, List<byte[]> boundaries, int depth) throws IOException {
        parts++;
        long headerStart = source.offset();
        long linesAtStart = source.linesRead();
        Headers headers = header(boundaries);
        long bodyStart = source.offset();
        long linesBefore = source.linesRead();
        ContentType type = ContentType.of(headers.first("Content-Type"), defaultType);
        List<MimePart> children = new ArrayList<>();
        Optional<MimePart> embedded = Optional.empty();
        Optional<String> boundary = type.parameter("boundary").filter(b -> !b.isEmpty() && b.length() <= 200);
        boolean deeper = depth < MAX_DEPTH && parts < MAX_PARTS;
        if (type.multipart() && boundary.isPresent() && deeper) {
            multipart(type, boundary.get().getBytes(StandardCharsets.ISO_8859_1), boundaries, depth, children);
        } else if (type.multipart() && deeper) {
            type = ContentType.TEXT_PLAIN; // a multipart without boundary cannot be split: RFC 2046 treats it as text
            leaf(boundaries);
        } else if (type.type().equals("message") && (type.subtype().equals("rfc822") || type.subtype().equals("global"))
                && deeper) {
            embedded = Optional.of(entity(ContentType.TEXT_PLAIN, boundaries, depth + 1));
        } else {
            leaf(boundaries);
        }
        long lines = source.linesRead() - linesBefore;
        LineSource.Line stop = source.peek();
        long bodyEnd;
        if (stop == null) {
            bodyEnd = source.offset();
        } else if (source.linesRead() == linesAtStart) {
            bodyEnd = bodyStart;
        } else {
            // The line break before a delimiter belongs to it, even when it ends the header of a part whose body
            // is empty: then the header is one line break shorter, and the part still ends where its parent does.
            bodyEnd = stop.offset() - source.last().eol();
            bodyStart = Math.min(bodyStart, bodyEnd);
            if (lines > 0 && source.last().blank()) {
                lines--;
            }
        }
        long end = bodyEnd;
        return new MimePart(headers, type, headerStart, bodyStart, bodyEnd, lines,
                children.stream().map(c -> clamp(c, end)).toList(), embedded.map(e -> clamp(e, end)));
    }

    /**
     * A part that consumed no line (cut short by a delimiter) starts after the line break its parent gave to that
     * delimiter; pull it back so every part lies within its parent.
     */
    private static MimePart clamp(MimePart p, long end) {
        if (p.headerStart() <= end && p.bodyEnd() <= end) {
            return p;
        }
        return new MimePart(p.headers(), p.contentType(), Math.min(p.headerStart(), end), Math.min(p.bodyStart(), end),
                Math.min(p.bodyEnd(), end), p.bodyLines(), p.children().stream().map(c -> clamp(c, end)).toList(),
                p.embedded().map(e -> clamp(e, end)));
    }

    private Headers header(List<byte[]> boundaries) throws IOException {
        List<HeaderField> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        long octets = 0;
        LineSource.Line line;
        while ((line = source.peek()) != null && delimiter(line, boundaries) == null) {
            source.next();
            if (line.blank()) {
                break;
            }
            octets += line.length();
            byte[] head = line.head();
            boolean continuation = head.length > 0 && (head[0] == ' ' || head[0] == '\t');
            if (!continuation) {
                add(fields, field);
            }
            if (octets <= MAX_HEADER_OCTETS) {
                field.writeBytes(head);
                field.writeBytes(line.eol() == 2 ? new byte[] {'\r', '\n'} : line.eol() == 1 ? new byte[] {'\n'}
                        : new byte[0]);
            }
        }
        add(fields, field);
        return new Headers(fields);
    }

    private static void add(List<HeaderField> fields, ByteArrayOutputStream field) {
        if (field.size() > 0) {
            HeaderField parsed = HeaderField.parse(field.toByteArray());
            if (parsed != null) {
                fields.add(parsed);
            }
            field.reset();
        }
    }

    private void leaf(List<byte[]> boundaries) throws IOException {
        LineSource.Line line;
        while ((line = source.peek()) != null && delimiter(line, boundaries) == null) {
            source.next();
        }
    }

    private void multipart(ContentType type, byte[] boundary, List<byte[]> outer, int depth, List<MimePart> children)
            throws IOException {
        List<byte[]> boundaries = new ArrayList<>(outer.size() + 1);
        boundaries.add(boundary);
        boundaries.addAll(outer);
        ContentType childDefault = type.subtype().equals("digest") ? ContentType.MESSAGE_RFC822 : ContentType.TEXT_PLAIN;
        boolean closed = false;
        LineSource.Line line;
        while ((line = source.peek()) != null) {
            Delimiter d = delimiter(line, closed ? outer : boundaries);
            if (d == null) {
                source.next();
                continue;
            }
            if (closed || d.depth() > 0) {
                return;
            }
            source.next();
            if (d.close()) {
                closed = true;
            } else {
                children.add(entity(childDefault, boundaries, depth + 1));
            }
        }
    }

    /** Which boundary (0 innermost) the line is a delimiter of, or null. */
    private static Delimiter delimiter(LineSource.Line line, List<byte[]> boundaries) {
        byte[] head = line.head();
        if (boundaries.isEmpty() || head.length < 2 || head[0] != '-' || head[1] != '-') {
            return null;
        }
        for (int i = 0; i < boundaries.size(); i++) {
            byte[] b = boundaries.get(i);
            if (head.length < 2 + b.length || !java.util.Arrays.equals(head, 2, 2 + b.length, b, 0, b.length)) {
                continue;
            }
            int pos = 2 + b.length;
            boolean close = head.length >= pos + 2 && head[pos] == '-' && head[pos + 1] == '-';
            if (close) {
                pos += 2;
            }
            boolean rest = true;
            for (int k = pos; k < head.length; k++) {
                if (head[k] != ' ' && head[k] != '\t') {
                    rest = false;
                    break;
                }
            }
            if (rest) {
                return new Delimiter(i, close);
            }
        }
        return null;
    }
}
