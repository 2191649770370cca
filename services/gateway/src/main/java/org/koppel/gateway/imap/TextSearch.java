package org.koppel.gateway.imap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.koppel.gateway.imap.message.HeaderField;
import org.koppel.gateway.imap.message.MimePart;
import org.koppel.gateway.imap.message.SectionContent;
import org.koppel.gateway.imap.message.UnknownTransferEncodingException;

/**
 * The SEARCH keys that look into a message (RFC 9051 6.4.4): header fields after RFC 2047 decoding, text parts
 * after their transfer encoding and charset, the sent date as the Date field writes it. Matching is by
 * case-insensitive substring, as the RFC asks; each text part is read up to a bound, so a huge part cannot make
 * a search hold it all.
 */
final class TextSearch {

    /** How much of one text part a search reads. */
    static final int MAX_PART_CHARS = 4 << 20;
    private static final Pattern DATE = Pattern.compile(
            "(\\d{1,2})\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{2,4})",
            Pattern.CASE_INSENSITIVE);

    private TextSearch() {
    }

    /** HEADER, FROM, TO, CC, BCC, SUBJECT: a field of that name contains the text ("" : the field exists). */
    static boolean header(FetchedMessage m, String field, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        for (HeaderField f : m.structure().headers().fields()) {
            if (f.name().equalsIgnoreCase(field) && decode(f).toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** The header part of TEXT: any field name or value contains the text. */
    static boolean anyHeader(FetchedMessage m, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        for (HeaderField f : m.structure().headers().fields()) {
            if ((f.name() + ": " + decode(f)).toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** BODY: a text part (any text/* leaf, decoded) contains the text. */
    static boolean body(FetchedMessage m, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        List<List<Integer>> paths = new ArrayList<>();
        textParts(m.structure(), new ArrayList<>(), true, paths);
        for (List<Integer> path : paths) {
            MimePart part = (path.isEmpty() ? Optional.of(m.structure()) : m.structure().part(path)).orElse(null);
            if (part == null) {
                continue;
            }
            try {
                Optional<SectionContent> content = path.isEmpty() ? body(m) : m.sections().binary(path);
                if (content.isPresent() && read(content.get(), charset(part)).toLowerCase(Locale.ROOT)
                        .contains(needle)) {
                    return true;
                }
            } catch (UnknownTransferEncodingException e) {
                // cannot be decoded: it cannot match either
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }

    /** The body of a single-part message, decoded. */
    private static Optional<SectionContent> body(FetchedMessage m) throws IOException, UnknownTransferEncodingException {
        return m.sections().binary(List.of(1));
    }

    /** SENTBEFORE, SENTON, SENTSINCE: the date the Date field gives, in its own zone. */
    static Optional<LocalDate> sentDate(FetchedMessage m) {
        Optional<String> date = m.structure().headers().text("Date");
        if (date.isEmpty()) {
            return Optional.empty();
        }
        Matcher d = DATE.matcher(date.get());
        if (!d.find()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(d.group(3));
        if (d.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900; // RFC 5322 4.3
        }
        Month month = Month.values()["janfebmaraprmayjunjulaugsepoctnovdec"
                .indexOf(d.group(2).substring(0, 3).toLowerCase(Locale.ROOT)) / 3];
        try {
            return Optional.of(LocalDate.of(year, month, Integer.parseInt(d.group(1))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static void textParts(MimePart p, List<Integer> path, boolean root, List<List<Integer>> out) {
        if (p.contentType().multipart()) {
            for (int i = 0; i < p.children().size(); i++) {
                List<Integer> child = new ArrayList<>(path);
                child.add(i + 1);
                textParts(p.children().get(i), child, false, out);
            }
        } else if (p.embedded().isPresent()) {
            MimePart inner = p.embedded().get();
            if (inner.contentType().multipart()) {
                textParts(inner, path, false, out);
            } else if (inner.contentType().type().equals("text")) {
                List<Integer> child = new ArrayList<>(path);
                child.add(1);
                out.add(child);
            }
        } else if (p.contentType().type().equals("text")) {
            out.add(root ? List.of() : List.copyOf(path));
        }
    }

    private static Charset charset(MimePart p) {
        try {
            return p.contentType().parameter("charset").map(Charset::forName).orElse(StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static String read(SectionContent c, Charset charset) throws IOException {
        try (InputStream in = c.open()) {
            byte[] b = in.readNBytes(MAX_PART_CHARS);
            return new String(b, charset);
        }
    }

    private static String decode(HeaderField f) {
        String raw = new String(f.value(), StandardCharsets.UTF_8);
        return DecoderUtil.decodeEncodedWords(raw, DecodeMonitor.SILENT);
    }
}
