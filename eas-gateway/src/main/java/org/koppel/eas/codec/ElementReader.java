package org.koppel.eas.codec;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.koppel.eas.wbxml.CodePage;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.Tag;
import org.koppel.eas.wbxml.WbxmlException;
import org.koppel.eas.wbxml.WbxmlReader;

/**
 * The strict reading a command codec needs on top of {@link WbxmlReader}: the expected root,
 * child elements one at a time (text or opaque data between them refused), elements named
 * {@code "Page:Name"} so codecs can switch over them, bounded numbers and strings, and every
 * element checked against the protocol version of the request. All failures are
 * {@link DecodeException}s; a plain {@link IOException} means the connection broke.
 *
 * <p>Pattern: {@code root(...)}, then {@code while (nextChild()) switch (name()) {...}} for each
 * container, where every case consumes its element (a leaf with {@link #text}, a container with
 * its own loop), and finally {@link #endDocument()}.
 */
public final class ElementReader {
    /** Longest ids, keys and names the codecs accept when a command sets no tighter bound. */
    public static final int MAX_TOKEN = 256;

    private final WbxmlReader in;
    private final ProtocolVersion version;
    private final String[] pageNames;

    public ElementReader(WbxmlReader in, CodePages pages, ProtocolVersion version) {
        this.in = in;
        this.version = version;
        List<CodePage> all = pages.pages();
        this.pageNames = new String[all.size()];
        for (CodePage p : all) {
            pageNames[p.number()] = p.name();
        }
    }

    public ProtocolVersion version() {
        return version;
    }

    /** The underlying reader, for ApplicationData decoders that stream opaque content. */
    public WbxmlReader raw() {
        return in;
    }

    /** Reads the root element, which must be {@code qname}. */
    public void root(String qname) throws DecodeException, IOException {
        if (next() != WbxmlReader.Event.START_TAG) {
            throw new DecodeException(DecodeException.Reason.UNEXPECTED, "document without a root element", in.offset());
        }
        if (!name().equals(qname)) {
            throw new DecodeException(DecodeException.Reason.UNEXPECTED,
                    "root element " + name() + ", expected " + qname, in.offset());
        }
    }

    /**
     * Moves to the next child of the current container: true on its START_TAG, false on the
     * container's END_TAG. Text or opaque data among children is refused.
     */
    public boolean nextChild() throws DecodeException, IOException {
        switch (next()) {
            case START_TAG -> {
                return true;
            }
            case END_TAG -> {
                return false;
            }
            case TEXT, OPAQUE -> throw new DecodeException(DecodeException.Reason.UNEXPECTED,
                    "content where only elements are allowed", in.offset());
            default -> throw new DecodeException(DecodeException.Reason.MALFORMED, "document ended inside an element",
                    in.offset());
        }
    }

    /** After the root element's END_TAG: nothing may follow. */
    public void endDocument() throws DecodeException, IOException {
        if (next() != WbxmlReader.Event.END_DOCUMENT) {
            throw new DecodeException(DecodeException.Reason.UNEXPECTED, "content after the root element", in.offset());
        }
    }

    /** The current element as {@code "Page:Name"}, e.g. {@code "AirSync:SyncKey"}. */
    public String name() {
        Tag t = in.tag();
        return pageName(t) + ":" + t.name();
    }

    /** The current element's tag. */
    public Tag tag() {
        return in.tag();
    }

    /** The current START_TAG had the no-content bit. */
    public boolean isEmptyElement() {
        return in.isEmptyElement();
    }

    /** Refuses the current element if its name is already in {@code seen}; adds it otherwise. */
    public void once(Set<String> seen) throws DecodeException {
        if (!seen.add(name())) {
            throw new DecodeException(DecodeException.Reason.DUPLICATE, name() + " appears twice", in.offset());
        }
    }

    /** The current leaf element's text, at most {@code maxLength} characters; "" when empty. */
    public String text(int maxLength) throws DecodeException, IOException {
        String element = name();
        long at = in.offset();
        String s;
        try {
            s = in.nextText();
        } catch (WbxmlException e) {
            throw new DecodeException(DecodeException.Reason.UNEXPECTED, element + " must hold text only: " + e.getMessage(),
                    e.offset(), e);
        }
        if (s.length() > maxLength) {
            throw new DecodeException(DecodeException.Reason.BAD_VALUE,
                    element + " longer than " + maxLength + " characters", at);
        }
        return s;
    }

    /** Text that must not be empty. */
    public String requiredText(int maxLength) throws DecodeException, IOException {
        String element = name();
        long at = in.offset();
        String s = text(maxLength);
        if (s.isEmpty()) {
            throw new DecodeException(DecodeException.Reason.BAD_VALUE, element + " is empty", at);
        }
        return s;
    }

    /** A decimal integer in [min, max]. */
    public long integer(long min, long max) throws DecodeException, IOException {
        String element = name();
        long at = in.offset();
        String s = text(20);
        long v;
        try {
            if (s.isEmpty() || s.startsWith("+")) {
                throw new NumberFormatException();
            }
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new DecodeException(DecodeException.Reason.BAD_VALUE, element + " is not an integer: '" + s + "'", at);
        }
        if (v < min || v > max) {
            throw new DecodeException(DecodeException.Reason.BAD_VALUE,
                    element + " = " + v + " is outside " + min + ".." + max, at);
        }
        return v;
    }

    /** An int in [min, max]. */
    public int integer(int min, int max) throws DecodeException, IOException {
        return (int) integer((long) min, (long) max);
    }

    /** 0 or 1. */
    public boolean bool() throws DecodeException, IOException {
        return integer(0, 1) == 1;
    }

    /**
     * A flag written either as an empty element (meaning true) or holding 0 or 1, like
     * GetChanges and DeletesAsMoves.
     */
    public boolean flag() throws DecodeException, IOException {
        if (in.isEmptyElement()) {
            next();
            return true;
        }
        return bool();
    }

    /** An element that must be empty, like Partial or MoreAvailable. */
    public void empty() throws DecodeException, IOException {
        String element = name();
        long at = in.offset();
        if (!text(Integer.MAX_VALUE).isEmpty()) {
            throw new DecodeException(DecodeException.Reason.UNEXPECTED, element + " must be empty", at);
        }
    }

    /** A status code of {@code type}; unknown codes are refused. */
    public <E extends Enum<E> & StatusCode> E status(Class<E> type) throws DecodeException, IOException {
        String element = name();
        long at = in.offset();
        int code = integer(0, 999);
        return StatusCode.of(type, code).orElseThrow(() -> new DecodeException(DecodeException.Reason.BAD_VALUE,
                element + " = " + code + " is not a " + type.getSimpleName(), at));
    }

    /**
     * The children of the current container when all are leaves holding text: each of
     * {@code allowed} at most once, anything else refused. Keys are {@code "Page:Name"}.
     */
    public Map<String, String> leaves(int maxLength, String... allowed) throws DecodeException, IOException {
        Map<String, String> values = new HashMap<>();
        List<String> names = List.of(allowed);
        while (nextChild()) {
            String n = name();
            if (!names.contains(n)) {
                throw unexpected();
            }
            if (values.containsKey(n)) {
                throw new DecodeException(DecodeException.Reason.DUPLICATE, n + " appears twice", in.offset());
            }
            values.put(n, text(maxLength));
        }
        return values;
    }

    /** {@code values.get(qname)}, or the error for it missing from {@code container}. */
    public String required(Map<String, String> values, String qname, String container) throws DecodeException {
        String v = values.get(qname);
        if (v == null || v.isEmpty()) {
            throw missing(qname, container);
        }
        return v;
    }

    /** The error for the current element being where it is. */
    public DecodeException unexpected() {
        return new DecodeException(DecodeException.Reason.UNEXPECTED, "unexpected element " + name(), in.offset());
    }

    /** The error for a missing required element. */
    public DecodeException missing(String qname, String in) {
        return new DecodeException(DecodeException.Reason.MISSING, qname + " is required in " + in, this.in.offset());
    }

    /** A semantic error at the current position (two exclusive elements, a count that does not match). */
    public DecodeException invalid(String why) {
        return new DecodeException(DecodeException.Reason.BAD_VALUE, why, in.offset());
    }

    /** Refuses the current element if the request's version is older than {@code since}. */
    public void requireVersion(ProtocolVersion since) throws DecodeException {
        if (version.compareTo(since) < 0) {
            throw new DecodeException(DecodeException.Reason.NOT_IN_VERSION,
                    name() + " here needs protocol " + since + " or later, the request is " + version, in.offset());
        }
    }

    /** Refuses the current element if the request's version is newer than {@code until}. */
    public void requireVersionAtMost(ProtocolVersion until) throws DecodeException {
        if (version.compareTo(until) > 0) {
            throw new DecodeException(DecodeException.Reason.NOT_IN_VERSION,
                    name() + " here exists only up to protocol " + until + ", the request is " + version, in.offset());
        }
    }

    private WbxmlReader.Event next() throws DecodeException, IOException {
        WbxmlReader.Event e;
        try {
            e = in.next();
        } catch (WbxmlException x) {
            throw new DecodeException(DecodeException.Reason.MALFORMED, x.getMessage(), x.offset(), x);
        }
        if (e == WbxmlReader.Event.START_TAG && !in.tag().existsIn(version)) {
            throw new DecodeException(DecodeException.Reason.NOT_IN_VERSION,
                    name() + " does not exist in protocol " + version, in.offset());
        }
        return e;
    }

    private String pageName(Tag t) {
        return pageNames[t.page()];
    }
}
