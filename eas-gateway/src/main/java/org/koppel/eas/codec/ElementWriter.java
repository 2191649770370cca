package org.koppel.eas.codec;

import java.io.IOException;
import java.util.Optional;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.Tag;
import org.koppel.eas.wbxml.WbxmlException;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * The writing side of {@link ElementReader}: elements named {@code "Page:Name"}, leaves from
 * strings, numbers and optionals, and the protocol version for codecs that leave out what an
 * older client does not know. The {@link WbxmlWriter} underneath still refuses any tag that is
 * not in the version, so a codec mistake fails loudly instead of sending an unknown tag.
 */
public final class ElementWriter {
    private final WbxmlWriter out;
    private final CodePages pages;

    public ElementWriter(WbxmlWriter out, CodePages pages) {
        this.out = out;
        this.pages = pages;
    }

    public ProtocolVersion version() {
        return out.version();
    }

    /** True when the document's protocol version is {@code v} or later. */
    public boolean atLeast(ProtocolVersion v) {
        return out.version().compareTo(v) >= 0;
    }

    /** The underlying writer, e.g. for opaque data from a stream. */
    public WbxmlWriter raw() {
        return out;
    }

    public ElementWriter start(String qname) throws IOException {
        out.start(tag(qname));
        return this;
    }

    public ElementWriter end() throws IOException {
        out.end();
        return this;
    }

    /** A leaf holding {@code text}. */
    public ElementWriter element(String qname, String text) throws IOException {
        out.element(tag(qname), text);
        return this;
    }

    public ElementWriter element(String qname, long value) throws IOException {
        return element(qname, Long.toString(value));
    }

    /** 1 or 0. */
    public ElementWriter element(String qname, boolean value) throws IOException {
        return element(qname, value ? "1" : "0");
    }

    /** Writes the leaf only when the value is present. */
    public ElementWriter optional(String qname, Optional<?> value) throws IOException {
        if (value.isPresent()) {
            Object v = value.get();
            if (v instanceof Boolean b) {
                element(qname, b);
            } else if (v instanceof StatusCode s) {
                element(qname, s.code());
            } else {
                element(qname, v.toString());
            }
        }
        return this;
    }

    public ElementWriter status(String qname, StatusCode status) throws IOException {
        return element(qname, status.code());
    }

    public ElementWriter empty(String qname) throws IOException {
        out.empty(tag(qname));
        return this;
    }

    /** Checks the document is complete and flushes. */
    public void finish() throws IOException {
        out.finish();
    }

    /** The tag named {@code "Page:Name"}. */
    public Tag tag(String qname) throws WbxmlException {
        int colon = qname.indexOf(':');
        Optional<Tag> t = colon < 0 ? Optional.empty()
                : pages.tag(qname.substring(0, colon), qname.substring(colon + 1));
        return t.orElseThrow(() -> new WbxmlException("no tag " + qname + " in the ActiveSync code pages",
                out.bytesWritten()));
    }
}
