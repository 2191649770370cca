package org.koppel.inetmapi.tnef;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/**
 * The body an RTF document stands for. Outlook keeps an HTML or plain-text body it received as RTF that
 * encapsulates the original ([MS-OXRTFEX]): {@code \fromhtml1} in the header, the HTML markup in
 * {@code {\*\htmltag}} groups, and RTF-only renderings fenced by {@code \htmlrtf ... \htmlrtf0}. This class
 * gives that HTML back, the text of {@code \fromtext} RTF, or the text of plain RTF when it is simple (no
 * embedded objects). One pass over the bytes, no recursion, so hostile nesting costs no stack.
 */
public final class EncapsulatedRtf {

    /** Where the RTF came from. */
    public enum Origin { HTML, TEXT, RTF }

    /** Groups whose content is never body text (when not already marked ignorable with {@code \*}). */
    private static final Set<String> DESTINATIONS = Set.of("fonttbl", "colortbl", "stylesheet", "info", "pict",
            "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "footnote",
            "fldinst", "listtable", "listoverridetable", "revtbl", "rsidtbl", "xmlnstbl", "filetbl", "themedata",
            "colorschememapping", "latentstyles", "datastore", "generator", "nonshppict", "object", "shp");

    private EncapsulatedRtf() {
    }

    /** Whether the RTF encapsulates HTML, text, or is RTF of its own, from the control words of its header. */
    public static Origin origin(byte[] rtf) {
        int depth = 0;
        for (int i = 0; i < rtf.length; i++) {
            int c = rtf[i] & 0xFF;
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '\\' && i + 1 < rtf.length && isLetter(rtf[i + 1])) {
                int start = ++i;
                while (i < rtf.length && isLetter(rtf[i])) {
                    i++;
                }
                String word = new String(rtf, start, i - start, StandardCharsets.US_ASCII);
                if (depth == 1 && word.equals("fromhtml")) {
                    return Origin.HTML;
                }
                if (depth == 1 && word.equals("fromtext")) {
                    return Origin.TEXT;
                }
                if (i < rtf.length && rtf[i] == '-') {
                    i++;
                }
                while (i < rtf.length && rtf[i] >= '0' && rtf[i] <= '9') {
                    i++; // the parameter is part of the control word, not text
                }
                i--;
            } else if (c == '\\') {
                i++; // a control symbol (\*, \'hh, \{): not text of its own
            } else if (depth == 1 && c > ' ' && c != '\\' && c != ';') {
                break; // the first text of the document: the header is over
            }
        }
        return Origin.RTF;
    }

    /** The encapsulated HTML, if the RTF holds HTML. */
    public static Optional<String> html(byte[] rtf) {
        if (origin(rtf) != Origin.HTML) {
            return Optional.empty();
        }
        return Optional.ofNullable(new Scan(rtf, true, false).run());
    }

    /**
     * The text of the RTF: the encapsulated text of {@code \fromtext} RTF, or the text of plain RTF when it is
     * simple (embedded OLE objects and shapes are not). Empty for encapsulated HTML.
     */
    public static Optional<String> text(byte[] rtf) {
        Origin origin = origin(rtf);
        if (origin == Origin.HTML) {
            return Optional.empty();
        }
        return Optional.ofNullable(new Scan(rtf, false, origin == Origin.RTF).run());
    }

    private static boolean isLetter(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    /** Group state: saved on '{', restored on '}'. */
    private record State(boolean skip, boolean htmlrtf, boolean tag, int uc) {
    }

    private static final class Scan {
        private final byte[] in;
        private final boolean html;
        private final boolean strict;
        private final StringBuilder out = new StringBuilder();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final Deque<State> stack = new ArrayDeque<>();
        private Charset charset = Codepages.charset(1252);
        private boolean skip;
        private boolean htmlrtf;
        private boolean tag;
        private int uc = 1;
        private int ucSkip;
        private boolean groupStart;
        private boolean starred;
        private int pos;

        Scan(byte[] in, boolean html, boolean strict) {
            this.in = in;
            this.html = html;
            this.strict = strict;
        }

        /** The body, or null when the RTF is not simple enough to give text. */
        String run() {
            while (pos < in.length) {
                int c = in[pos] & 0xFF;
                if (c == '{') {
                    stack.push(new State(skip, htmlrtf, tag, uc));
                    groupStart = true;
                    starred = false;
                    pos++;
                } else if (c == '}') {
                    if (!stack.isEmpty()) {
                        State s = stack.pop();
                        skip = s.skip();
                        htmlrtf = s.htmlrtf();
                        tag = s.tag();
                        uc = s.uc();
                    }
                    groupStart = false;
                    starred = false;
                    pos++;
                } else if (c == '\\') {
                    if (!control()) {
                        return null;
                    }
                } else if (c == '\r' || c == '\n') {
                    pos++;
                } else {
                    pos++;
                    groupStart = false;
                    if (ucSkip > 0) {
                        ucSkip--;
                    } else {
                        emit((byte) c);
                    }
                }
            }
            flush();
            return out.toString();
        }

        private boolean control() {
            if (pos + 1 >= in.length) {
                pos = in.length;
                return true;
            }
            byte next = in[pos + 1];
            if (isLetter(next)) {
                int start = pos + 1;
                int i = start;
                while (i < in.length && isLetter(in[i])) {
                    i++;
                }
                String word = new String(in, start, i - start, StandardCharsets.US_ASCII);
                boolean hasParam = false;
                boolean negative = false;
                long param = 0;
                if (i < in.length && in[i] == '-') {
                    negative = true;
                    i++;
                }
                while (i < in.length && in[i] >= '0' && in[i] <= '9') {
                    hasParam = true;
                    if (param < 1_000_000_000L) {
                        param = param * 10 + (in[i] - '0');
                    }
                    i++;
                }
                if (i < in.length && in[i] == ' ') {
                    i++;
                }
                pos = i;
                return word(word, hasParam, (int) (negative ? -param : param));
            }
            pos += 2;
            boolean wasStart = groupStart;
            groupStart = false;
            switch (next) {
                case '*' -> {
                    starred = true;
                    groupStart = wasStart;
                }
                case '\'' -> {
                    if (pos + 2 <= in.length) {
                        int hi = Character.digit(in[pos], 16);
                        int lo = Character.digit(in[pos + 1], 16);
                        pos += 2;
                        if (hi >= 0 && lo >= 0) {
                            if (ucSkip > 0) {
                                ucSkip--;
                            } else {
                                emit((byte) (hi << 4 | lo));
                            }
                        }
                    } else {
                        pos = in.length;
                    }
                }
                case '{', '}', '\\' -> literal((char) next);
                case '~' -> literal('\u00A0');
                case '_' -> literal('-');
                case '\r', '\n' -> text("\r\n");
                default -> {
                    // \- (optional hyphen), \: (index subentry) and other symbols show nothing
                }
            }
            return true;
        }

        private void literal(char c) {
            if (ucSkip > 0) {
                ucSkip--;
            } else {
                text(String.valueOf(c));
            }
        }

        private boolean word(String word, boolean hasParam, int param) {
            if (starred) {
                starred = false;
                groupStart = false;
                if (html && word.equals("htmltag")) {
                    tag = true;
                    htmlrtf = false;
                } else {
                    skip = true;
                }
                return true;
            }
            if (groupStart && DESTINATIONS.contains(word)) {
                groupStart = false;
                if (strict && (word.equals("object") || word.equals("shp"))) {
                    return false;
                }
                skip = true;
                return true;
            }
            groupStart = false;
            switch (word) {
                case "ansicpg" -> {
                    flush();
                    charset = Codepages.charset(param);
                }
                case "mac" -> {
                    flush();
                    charset = Codepages.charset(10000);
                }
                case "htmlrtf" -> htmlrtf = !hasParam || param != 0;
                case "par", "line", "sect", "page", "row" -> text("\r\n");
                case "tab", "cell" -> text("\t");
                case "uc" -> uc = Math.max(0, Math.min(param, 8));
                case "u" -> {
                    text(String.valueOf((char) (param < 0 ? param + 65536 : param)));
                    ucSkip = uc;
                }
                case "lquote" -> text("\u2018");
                case "rquote" -> text("\u2019");
                case "ldblquote" -> text("\u201C");
                case "rdblquote" -> text("\u201D");
                case "bullet" -> text("\u2022");
                case "endash" -> text("\u2013");
                case "emdash" -> text("\u2014");
                case "emspace", "enspace", "qmspace" -> text(" ");
                default -> {
                    // formatting: no text
                }
            }
            return true;
        }

        private boolean visible() {
            return !skip && (!html || tag || !htmlrtf);
        }

        private void emit(byte b) {
            if (visible()) {
                pending.write(b);
            }
        }

        private void text(String s) {
            if (visible()) {
                flush();
                out.append(s);
            }
        }

        private void flush() {
            if (pending.size() > 0) {
                out.append(new String(pending.toByteArray(), charset));
                pending.reset();
            }
        }
    }
}
