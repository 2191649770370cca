package org.koppel.eas.wbxml;

import static org.koppel.eas.wbxml.GlobalTokens.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A pull reader for ActiveSync WBXML (WBXML 1.3, public id 1, UTF-8, no string table), reading
 * straight from a stream. Every malformed, unknown or oversized construct ends in a
 * {@link WbxmlException} with the byte offset; memory stays within the {@link WbxmlLimits}
 * whatever lengths the document declares.
 *
 * <p>Use: call {@link #next()} until {@link Event#END_DOCUMENT}. An element written without
 * content (the no-content bit) is reported as START_TAG immediately followed by END_TAG, with
 * {@link #isEmptyElement()} true on the START_TAG. Opaque data may be taken with
 * {@link #opaqueBytes()} or streamed with {@link #opaqueStream()}; what is left unread is skipped
 * by the next call to {@code next()}. Tags are checked against the code pages, not against a
 * protocol version: which tags a command accepts is the command codec's business.
 *
 * <p>Not thread-safe; one reader per request.
 */
public final class WbxmlReader {

    /** What {@link #next()} found. */
    public enum Event { START_TAG, TEXT, OPAQUE, END_TAG, END_DOCUMENT }

    private static final int BUFFER = 8192;

    private final InputStream in;
    private final CodePages pages;
    private final WbxmlLimits limits;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private final byte[] buf = new byte[BUFFER];
    private int bufPos;
    private int bufLen;
    /** Offset of the next byte to be returned, from the start of the document. */
    private long pos;

    private final List<Tag> open = new ArrayList<>();
    private boolean headerRead;
    private boolean rootSeen;
    private int page;
    private boolean pendingEmptyEnd;

    private Event event;
    private Tag tag;
    private boolean emptyElement;
    private String text;
    private long eventOffset;
    private long opaqueLength;
    private long opaqueRemaining;
    /** Bumped on every event so a stale opaque stream cannot read the next event's bytes. */
    private long generation;

    public WbxmlReader(InputStream in, CodePages pages) {
        this(in, pages, WbxmlLimits.DEFAULTS);
    }

    public WbxmlReader(InputStream in, CodePages pages, WbxmlLimits limits) {
        this.in = in;
        this.pages = pages;
        this.limits = limits;
    }

    /** Advances to the next event. After END_DOCUMENT it keeps returning END_DOCUMENT. */
    public Event next() throws IOException {
        if (event == Event.END_DOCUMENT) {
            return event;
        }
        generation++;
        if (!headerRead) {
            readHeader();
        }
        if (opaqueRemaining > 0) {
            skipOpaque();
        }
        text = null;
        emptyElement = false;
        if (pendingEmptyEnd) {
            pendingEmptyEnd = false;
            tag = open.remove(open.size() - 1);
            return event = Event.END_TAG;
        }
        while (true) {
            eventOffset = pos;
            if (rootSeen && open.isEmpty()) {
                if (readOrEof() != -1) {
                    throw new WbxmlException("data after the end of the root element", eventOffset);
                }
                tag = null;
                return event = Event.END_DOCUMENT;
            }
            int b = read();
            switch (b) {
                case SWITCH_PAGE -> {
                    int p = read();
                    if (pages.pageOrNull(p) == null) {
                        throw new WbxmlException("unknown code page " + p, eventOffset);
                    }
                    page = p;
                }
                case END -> {
                    if (open.isEmpty()) {
                        throw new WbxmlException("END without an open element", eventOffset);
                    }
                    tag = open.remove(open.size() - 1);
                    return event = Event.END_TAG;
                }
                case STR_I -> {
                    requireOpenElement("inline string");
                    text = readString();
                    tag = null;
                    return event = Event.TEXT;
                }
                case OPAQUE -> {
                    requireOpenElement("opaque data");
                    long length = readMbUInt32();
                    if (length > limits.maxOpaqueLength()) {
                        throw WbxmlException.tooLarge("opaque data of " + length + " bytes exceeds the limit of "
                                + limits.maxOpaqueLength(), eventOffset);
                    }
                    if (pos + length > limits.maxTotalBytes()) {
                        throw WbxmlException.tooLarge("opaque data of " + length + " bytes runs past the document limit of "
                                + limits.maxTotalBytes() + " bytes", eventOffset);
                    }
                    opaqueLength = length;
                    opaqueRemaining = length;
                    tag = null;
                    return event = Event.OPAQUE;
                }
                case ENTITY -> throw new WbxmlException("character entities are not used by ActiveSync", eventOffset);
                case LITERAL, LITERAL_A, LITERAL_C, LITERAL_AC ->
                        throw new WbxmlException("LITERAL refers to a string table, which ActiveSync does not use", eventOffset);
                case STR_T -> throw new WbxmlException("STR_T refers to a string table, which ActiveSync does not use", eventOffset);
                case EXT_I_0, EXT_I_1, EXT_I_2, EXT_T_0, EXT_T_1, EXT_T_2, EXT_0, EXT_1, EXT_2 ->
                        throw new WbxmlException(String.format("extension token 0x%02X is not used by ActiveSync", b), eventOffset);
                case PI -> throw new WbxmlException("processing instructions are not used by ActiveSync", eventOffset);
                default -> {
                    return startTag(b);
                }
            }
        }
    }

    private Event startTag(int b) throws WbxmlException {
        if ((b & ATTRIBUTE_BIT) != 0) {
            throw new WbxmlException("attributes are not used by ActiveSync", eventOffset);
        }
        int token = b & 0x3F;
        Tag t = pages.pageOrNull(page).tagOrNull(token);
        if (t == null) {
            throw new WbxmlException(String.format("unknown token 0x%02X on code page %d (%s)",
                    token, page, pages.pageOrNull(page).name()), eventOffset);
        }
        if (open.size() >= limits.maxDepth()) {
            throw new WbxmlException("elements nested deeper than " + limits.maxDepth(), eventOffset);
        }
        open.add(t);
        rootSeen = true;
        tag = t;
        emptyElement = (b & CONTENT_BIT) == 0;
        pendingEmptyEnd = emptyElement;
        return event = Event.START_TAG;
    }

    private void requireOpenElement(String what) throws WbxmlException {
        if (open.isEmpty()) {
            throw new WbxmlException(what + " outside the root element", eventOffset);
        }
    }

    private void readHeader() throws IOException {
        headerRead = true;
        int version = read();
        if (version != VERSION_1_3) {
            throw new WbxmlException(String.format("WBXML version 0x%02X, expected 0x03 (1.3)", version), 0);
        }
        long publicIdAt = pos;
        long publicId = readMbUInt32();
        if (publicId == 0) {
            throw new WbxmlException("public identifier given as a string table reference", publicIdAt);
        }
        if (publicId != PUBLIC_ID_UNKNOWN) {
            throw new WbxmlException("public identifier " + publicId + ", ActiveSync uses 1", publicIdAt);
        }
        long charsetAt = pos;
        long charset = readMbUInt32();
        if (charset != CHARSET_UTF8) {
            throw new WbxmlException("charset MIBenum " + charset + ", ActiveSync uses 106 (UTF-8)", charsetAt);
        }
        long tableAt = pos;
        long tableLength = readMbUInt32();
        if (tableLength != 0) {
            throw new WbxmlException("string table of " + tableLength + " bytes; ActiveSync documents have none", tableAt);
        }
    }

    /** mb_u_int32: at most 5 bytes of 7 bits, the value within 32 bits. */
    private long readMbUInt32() throws IOException {
        long start = pos;
        long value = 0;
        for (int i = 0; i < 5; i++) {
            int b = read();
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                if (value > 0xFFFF_FFFFL) {
                    throw new WbxmlException("mb_u_int32 overflows 32 bits", start);
                }
                return value;
            }
        }
        throw new WbxmlException("mb_u_int32 longer than 5 bytes", start);
    }

    private String readString() throws IOException {
        long start = pos;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        while (true) {
            if (bufPos == bufLen && !fill()) {
                throw truncated();
            }
            int from = bufPos;
            int end = from;
            while (end < bufLen && buf[end] != 0) {
                end++;
            }
            int n = end - from;
            if (bytes.size() + (long) n > limits.maxStringLength()) {
                throw WbxmlException.tooLarge("inline string longer than " + limits.maxStringLength() + " bytes", start);
            }
            bytes.write(buf, from, n);
            bufPos = end;
            pos += n;
            if (end < bufLen) {
                bufPos++;
                pos++;
                break;
            }
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new WbxmlException("inline string is not valid UTF-8", start);
        }
    }

    private void skipOpaque() throws IOException {
        while (opaqueRemaining > 0) {
            if (bufPos == bufLen && !fill()) {
                throw truncated();
            }
            int n = (int) Math.min(opaqueRemaining, bufLen - bufPos);
            bufPos += n;
            pos += n;
            opaqueRemaining -= n;
        }
    }

    private int read() throws IOException {
        if (bufPos == bufLen && !fill()) {
            throw truncated();
        }
        pos++;
        return buf[bufPos++] & 0xFF;
    }

    private int readOrEof() throws IOException {
        if (bufPos == bufLen && !fill()) {
            return -1;
        }
        pos++;
        return buf[bufPos++] & 0xFF;
    }

    /** Refills the buffer; false at end of input. Never reads past the total-size limit. */
    private boolean fill() throws IOException {
        long room = limits.maxTotalBytes() - pos;
        if (room <= 0) {
            if (in.read() == -1) {
                return false;
            }
            throw WbxmlException.tooLarge("document longer than " + limits.maxTotalBytes() + " bytes", pos);
        }
        int n = in.read(buf, 0, (int) Math.min(buf.length, room));
        while (n == 0) {
            // A stream may legally return 0 for a non-empty request; fall back to a blocking byte.
            int b = in.read();
            if (b == -1) {
                return false;
            }
            buf[0] = (byte) b;
            n = 1;
        }
        if (n < 0) {
            return false;
        }
        bufPos = 0;
        bufLen = n;
        return true;
    }

    private WbxmlException truncated() {
        String where = open.isEmpty()
                ? (rootSeen ? "after the document" : "before the root element")
                : "inside <" + open.get(open.size() - 1).name() + ">";
        return new WbxmlException("document truncated " + where, pos);
    }

    // --- accessors ---------------------------------------------------------------------------

    /** The current event, or null before the first {@link #next()}. */
    public Event event() {
        return event;
    }

    /** The tag of the current START_TAG or END_TAG; null for other events. */
    public Tag tag() {
        return tag;
    }

    /** On a START_TAG: the element was written without content (an END_TAG follows at once). */
    public boolean isEmptyElement() {
        return emptyElement;
    }

    /** The string of the current TEXT event. */
    public String text() {
        if (event != Event.TEXT) {
            throw new IllegalStateException("no text at " + event);
        }
        return text;
    }

    /** The declared length of the current OPAQUE event. */
    public long opaqueLength() {
        if (event != Event.OPAQUE) {
            throw new IllegalStateException("no opaque data at " + event);
        }
        return opaqueLength;
    }

    /**
     * The bytes of the current OPAQUE event not yet streamed. Memory grows with the bytes
     * actually received, never with the declared length alone.
     */
    public byte[] opaqueBytes() throws IOException {
        opaqueLength();
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(opaqueRemaining, BUFFER));
        while (opaqueRemaining > 0) {
            if (bufPos == bufLen && !fill()) {
                throw truncated();
            }
            int n = (int) Math.min(opaqueRemaining, bufLen - bufPos);
            out.write(buf, bufPos, n);
            bufPos += n;
            pos += n;
            opaqueRemaining -= n;
        }
        return out.toByteArray();
    }

    /**
     * The current OPAQUE data as a stream of exactly {@link #opaqueLength()} bytes, valid until
     * the next call to {@link #next()}. A truncated document shows as a WbxmlException from read.
     * Closing it does not close the reader's input.
     */
    public InputStream opaqueStream() {
        opaqueLength();
        long gen = generation;
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n == -1 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (gen != generation) {
                    throw new IllegalStateException("opaque stream used after the reader moved on");
                }
                if (len == 0) {
                    return 0;
                }
                if (opaqueRemaining == 0) {
                    return -1;
                }
                if (bufPos == bufLen && !fill()) {
                    throw truncated();
                }
                int n = (int) Math.min(Math.min(opaqueRemaining, bufLen - bufPos), len);
                System.arraycopy(buf, bufPos, b, off, n);
                bufPos += n;
                pos += n;
                opaqueRemaining -= n;
                return n;
            }

            @Override
            public int available() {
                return gen == generation ? (int) Math.min(Math.min(opaqueRemaining, bufLen - bufPos), Integer.MAX_VALUE) : 0;
            }
        };
    }

    /** Elements open at the current event, the current START_TAG's element included. */
    public int depth() {
        return event == Event.END_TAG ? open.size() + 1 : open.size();
    }

    /** Byte offset where the current event starts. */
    public long offset() {
        return eventOffset;
    }

    // --- conveniences for command parsers ------------------------------------------------------

    /**
     * On a START_TAG: the element's text content, "" for an empty element, positioned on its
     * END_TAG afterwards. Child elements or opaque data are an error.
     */
    public String nextText() throws IOException {
        requireStart();
        Tag element = tag;
        StringBuilder sb = new StringBuilder();
        while (true) {
            switch (next()) {
                case TEXT -> {
                    if (sb.length() + (long) text.length() > limits.maxStringLength()) {
                        throw WbxmlException.tooLarge("text of <" + element.name() + "> longer than "
                                + limits.maxStringLength(), eventOffset);
                    }
                    sb.append(text);
                }
                case END_TAG -> {
                    return sb.toString();
                }
                default -> throw new WbxmlException("expected text in <" + element.name() + ">, found " + event,
                        eventOffset);
            }
        }
    }

    /** On a START_TAG: skips the element and everything in it, ending on its END_TAG. */
    public void skipElement() throws IOException {
        requireStart();
        int level = 1;
        while (level > 0) {
            switch (next()) {
                case START_TAG -> level++;
                case END_TAG -> level--;
                case END_DOCUMENT -> throw new WbxmlException("document ended inside an element", eventOffset);
                default -> {
                }
            }
        }
    }

    private void requireStart() {
        if (event != Event.START_TAG) {
            throw new IllegalStateException("not on a START_TAG but " + event);
        }
    }
}
