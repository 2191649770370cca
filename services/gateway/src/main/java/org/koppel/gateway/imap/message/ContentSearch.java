package org.koppel.gateway.imap.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.koppel.gateway.imap.syntax.SearchKey;

/**
 * The SEARCH keys that look into a message (HEADER/FROM/SUBJECT..., BODY, TEXT): case-insensitive substring
 * matches on header values after RFC 2047 decoding and on text parts after their transfer encoding and charset are
 * undone. Bodies are streamed part by part, never held whole.
 */
public final class ContentSearch {

    private static final int CHUNK = 8192;

    private final MessageSource source;
    private final MimePart root;

    public ContentSearch(MessageSource source, MimePart root) {
        this.source = source;
        this.root = root;
    }

    /** Address fields, searched also in their ENVELOPE form (BCC, CC, FROM, TO of RFC 9051 6.4.4). */
    private static final Set<String> ADDRESS_FIELDS = Set.of("from", "sender", "reply-to", "to", "cc", "bcc");

    /**
     * HEADER field string (and BCC, CC, FROM, SUBJECT, TO): any such field contains it; "" matches any such field.
     * An address field also matches when an address in it, as ENVELOPE gives it ({@code mailbox@host}, comments
     * and folding gone) or its display name, contains the string.
     */
    public static boolean headerContains(Headers headers, String field, String text) {
        String needle = fold(text);
        boolean addresses = ADDRESS_FIELDS.contains(field.toLowerCase(Locale.ROOT));
        for (HeaderField f : headers.all(field)) {
            String value = decoded(f.text());
            if (fold(value).contains(needle) || addresses && addressContains(f.text(), needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean addressContains(String rawValue, String needle) {
        for (EnvelopeAddress a : AddressList.parse(rawValue)) {
            if (a instanceof EnvelopeAddress.Mailbox m && (fold(m.mailbox() + "@" + m.host()).contains(needle)
                    || m.name().map(n -> fold(decoded(n)).contains(needle)).orElse(false))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SENTBEFORE, SENTON, SENTSINCE: compares the Date header's calendar date, disregarding time and zone; a
     * message without a parsable Date header matches none of them.
     */
    public static boolean sentDateMatches(Headers headers, SearchKey.DateComparison comparison, LocalDate date) {
        return SentDate.dateOf(headers).map(sent -> switch (comparison) {
            case BEFORE -> sent.isBefore(date);
            case ON -> sent.isEqual(date);
            case SINCE -> !sent.isBefore(date);
        }).orElse(false);
    }

    /** BODY: the message body (text parts, and the headers and text of embedded messages) contains it. */
    public boolean bodyContains(String text) throws IOException {
        String needle = fold(text);
        if (needle.isEmpty()) {
            return true;
        }
        return searchBody(root, needle);
    }

    /** TEXT: the header or the body contains it. */
    public boolean textContains(String text) throws IOException {
        return headersContain(root.headers(), fold(text)) || bodyContains(text);
    }

    private static boolean headersContain(Headers headers, String needle) {
        for (HeaderField f : headers.fields()) {
            if (fold(f.name() + ": " + decoded(f.text())).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private boolean searchBody(MimePart part, String needle) throws IOException {
        if (part.contentType().multipart()) {
            for (MimePart child : part.children()) {
                if (searchBody(child, needle)) {
                    return true;
                }
            }
            return false;
        }
        if (part.embedded().isPresent()) {
            MimePart message = part.embedded().get();
            return headersContain(message.headers(), needle) || searchBody(message, needle);
        }
        if (!part.contentType().type().equals("text")) {
            return false;
        }
        Optional<TransferDecoding> decoding = TransferDecoding.of(part.transferEncoding());
        if (decoding.isEmpty()) {
            return false;
        }
        try (InputStream raw = RangeInputStream.of(source.open(), part.bodyStart(), part.bodySize());
                Reader reader = new InputStreamReader(decoding.get().decode(raw), charset(part))) {
            return contains(reader, needle);
        }
    }

    /** Streams the text looking for the (folded) needle, keeping only one chunk plus an overlap. */
    static boolean contains(Reader reader, String needle) throws IOException {
        char[] buffer = new char[CHUNK];
        StringBuilder window = new StringBuilder();
        int n;
        while ((n = reader.read(buffer)) > 0) {
            window.append(fold(new String(buffer, 0, n)));
            if (window.indexOf(needle) >= 0) {
                return true;
            }
            int keep = Math.min(window.length(), needle.length() - 1);
            window.delete(0, window.length() - keep);
        }
        return false;
    }

    private static Charset charset(MimePart part) {
        Optional<String> name = part.contentType().parameter("charset");
        if (name.isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.get().strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String decoded(String value) {
        try {
            return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static String fold(String s) {
        return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
