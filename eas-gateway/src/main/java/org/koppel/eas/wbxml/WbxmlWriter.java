package org.koppel.eas.wbxml;

import static org.koppel.eas.wbxml.GlobalTokens.*;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an ActiveSync WBXML document straight to a stream: WBXML 1.3, public id 1, UTF-8, no
 * string table, strings inline (STR_I), a SWITCH_PAGE only when the code page changes, elements
 * without content marked by the no-content bit, and opaque data copied from a byte array or a
 * stream of known length. Tags that do not exist in the negotiated protocol version are refused.
 *
 * <p>A start tag is held back until the next call shows whether the element has content, so
 * {@code start(t).end()} writes one byte. Call {@link #finish()} at the end; it checks the
 * document is complete and flushes (the stream is not closed). After a failure mid-document the
 * output is incomplete and must be abandoned. Not thread-safe.
 */
public final class WbxmlWriter {
    private final OutputStream out;
    private final CodePages pages;
    private final ProtocolVersion version;
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private final List<Tag> open = new ArrayList<>();
    private Tag pending;
    private boolean headerWritten;
    private boolean rootClosed;
    private int page;
    private long written;

    public WbxmlWriter(OutputStream out, CodePages pages, ProtocolVersion version) {
        this.out = new BufferedOutputStream(out, 8192);
        this.pages = pages;
        this.version = version;
    }

    public ProtocolVersion version() {
        return version;
    }

    /** Opens an element. */
    public WbxmlWriter start(Tag tag) throws IOException {
        if (rootClosed) {
            throw new WbxmlException("the root element is already closed; a document has one root", written);
        }
        Tag known = pages.tag(tag.page(), tag.token()).orElse(null);
        if (!tag.equals(known)) {
            throw new WbxmlException("tag " + tag + " is not in the ActiveSync code pages", written);
        }
        if (!tag.existsIn(version)) {
            throw new WbxmlException("tag " + tag + " does not exist in protocol version " + version
                    + " (only in " + tag.versions() + ")", written);
        }
        if (!headerWritten) {
            writeHeader();
        }
        flushPending(true);
        pending = tag;
        open.add(tag);
        return this;
    }

    /** Opens an element named by page and tag name ("AirSync", "Sync"). */
    public WbxmlWriter start(String pageName, String tagName) throws IOException {
        Tag tag = pages.tag(pageName, tagName).orElse(null);
        if (tag == null) {
            throw new WbxmlException("no tag " + pageName + ":" + tagName + " in the ActiveSync code pages", written);
        }
        return start(tag);
    }

    /** Closes the innermost open element. */
    public WbxmlWriter end() throws IOException {
        if (open.isEmpty()) {
            throw new WbxmlException("end() without an open element", written);
        }
        if (pending != null) {
            flushPending(false);
        } else {
            write(END);
        }
        open.remove(open.size() - 1);
        rootClosed = open.isEmpty();
        return this;
    }

    /**
     * Writes text as an inline string. An empty string writes nothing (the element stays empty
     * if nothing else is added). NUL cannot be encoded in a WBXML string and is refused, as are
     * unpaired surrogates.
     */
    public WbxmlWriter text(String s) throws IOException {
        requireOpen("text");
        if (s.isEmpty()) {
            return this;
        }
        if (s.indexOf('\0') >= 0) {
            throw new WbxmlException("text contains NUL, which a WBXML inline string cannot carry", written);
        }
        ByteBuffer bytes;
        try {
            bytes = utf8.reset().encode(CharBuffer.wrap(s));
        } catch (CharacterCodingException e) {
            throw new WbxmlException("text is not valid Unicode (unpaired surrogate)", written);
        }
        flushPending(true);
        write(STR_I);
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        written += bytes.remaining();
        write(0);
        return this;
    }

    /**
     * Writes everything {@code chars} delivers as one inline string, without holding it in
     * memory: for string-typed elements whose content is large, like a MIME body in
     * airsyncbase:Data (a string, not opaque data, in [MS-ASAIRS]). An empty source writes
     * nothing, like {@link #text(String)}. NUL and unpaired surrogates are refused as there, but
     * may be found after part of the string is written: the document must then be abandoned.
     * The reader is not closed.
     */
    public WbxmlWriter text(java.io.Reader chars) throws IOException {
        requireOpen("text");
        char[] buf = new char[16 * 1024];
        int n = chars.read(buf, 1, buf.length - 1);
        if (n < 0) {
            return this;
        }
        flushPending(true);
        write(STR_I);
        // buf[0] carries a high surrogate over from the previous chunk, so pairs split by a read
        // are encoded whole.
        int carried = 0;
        while (n >= 0) {
            int len = carried + n;
            int start = 1 - carried;
            boolean holdLast = len > 0 && Character.isHighSurrogate(buf[start + len - 1]);
            int encode = holdLast ? len - 1 : len;
            for (int i = start; i < start + encode; i++) {
                if (buf[i] == '\0') {
                    throw new WbxmlException("text contains NUL, which a WBXML inline string cannot carry", written);
                }
            }
            ByteBuffer bytes;
            try {
                bytes = utf8.reset().encode(CharBuffer.wrap(buf, start, encode));
            } catch (CharacterCodingException e) {
                throw new WbxmlException("text is not valid Unicode (unpaired surrogate)", written);
            }
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            written += bytes.remaining();
            carried = holdLast ? 1 : 0;
            if (holdLast) {
                buf[0] = buf[start + len - 1];
            }
            n = chars.read(buf, 1, buf.length - 1);
        }
        if (carried == 1) {
            throw new WbxmlException("text is not valid Unicode (unpaired surrogate)", written);
        }
        write(0);
        return this;
    }

    /** An element holding just text: {@code start(tag).text(s).end()}. */
    public WbxmlWriter element(Tag tag, String s) throws IOException {
        return start(tag).text(s).end();
    }

    /** An element without content: one byte, no-content bit clear. */
    public WbxmlWriter empty(Tag tag) throws IOException {
        return start(tag).end();
    }

    /** Writes opaque data. */
    public WbxmlWriter opaque(byte[] data) throws IOException {
        requireOpen("opaque data");
        flushPending(true);
        write(OPAQUE);
        writeMbUInt32(data.length);
        out.write(data);
        written += data.length;
        return this;
    }

    /**
     * Writes exactly {@code length} bytes of opaque data copied from {@code data}, without holding
     * them in memory. If the source ends early the document is broken and an exception says so.
     */
    public WbxmlWriter opaque(InputStream data, long length) throws IOException {
        requireOpen("opaque data");
        if (length < 0 || length > 0xFFFF_FFFFL) {
            throw new WbxmlException("opaque length " + length + " does not fit a mb_u_int32", written);
        }
        flushPending(true);
        write(OPAQUE);
        writeMbUInt32(length);
        byte[] chunk = new byte[(int) Math.min(length, 64 * 1024)];
        long left = length;
        while (left > 0) {
            int n = data.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (n < 0) {
                throw new WbxmlException("opaque source ended after " + (length - left) + " of " + length
                        + " bytes; the document is incomplete", written);
            }
            out.write(chunk, 0, n);
            written += n;
            left -= n;
        }
        return this;
    }

    /** Checks the document is complete (one root, all elements closed) and flushes. */
    public void finish() throws IOException {
        if (!rootClosed) {
            throw new WbxmlException(open.isEmpty() ? "no root element written"
                    : open.size() + " element(s) still open, innermost <" + open.get(open.size() - 1).name() + ">",
                    written);
        }
        out.flush();
    }

    /** Pushes buffered bytes to the underlying stream, e.g. before a long wait. */
    public void flush() throws IOException {
        out.flush();
    }

    /** Bytes produced so far. */
    public long bytesWritten() {
        return written;
    }

    private void requireOpen(String what) throws WbxmlException {
        if (open.isEmpty()) {
            throw new WbxmlException(what + " outside an element", written);
        }
    }

    private void flushPending(boolean withContent) throws IOException {
        if (pending == null) {
            return;
        }
        if (pending.page() != page) {
            write(SWITCH_PAGE);
            write(pending.page());
            page = pending.page();
        }
        write(withContent ? pending.token() | CONTENT_BIT : pending.token());
        pending = null;
    }

    private void writeHeader() throws IOException {
        headerWritten = true;
        write(VERSION_1_3);
        writeMbUInt32(PUBLIC_ID_UNKNOWN);
        writeMbUInt32(CHARSET_UTF8);
        writeMbUInt32(0);
    }

    private void writeMbUInt32(long value) throws IOException {
        byte[] tmp = new byte[5];
        int i = tmp.length;
        long v = value;
        tmp[--i] = (byte) (v & 0x7F);
        v >>>= 7;
        while (v != 0) {
            tmp[--i] = (byte) (0x80 | (v & 0x7F));
            v >>>= 7;
        }
        out.write(tmp, i, tmp.length - i);
        written += tmp.length - i;
    }

    private void write(int b) throws IOException {
        out.write(b);
        written++;
    }
}
