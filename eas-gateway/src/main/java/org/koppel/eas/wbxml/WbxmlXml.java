package org.koppel.eas.wbxml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Converts ActiveSync WBXML to XML and back, for logs and test fixtures. Each code page is an XML
 * namespace named {@code "<Page>:"} ({@code xmlns="AirSync:"}, {@code xmlns:email="Email:"}); the
 * root element's page is the default namespace and other pages get the table's prefix, declared
 * where first needed. Opaque data appears as a processing instruction {@code <?opaque BASE64?>},
 * so it survives the round trip. Both directions stream; neither builds a tree.
 *
 * <p>Everything in the document is printed, passwords included (Settings, Search and
 * ItemOperations carry them): redact before writing a converted request to a shared log.
 */
public final class WbxmlXml {
    /** The processing-instruction target that carries opaque data in the XML form. */
    public static final String OPAQUE_PI = "opaque";

    private final CodePages pages;

    public WbxmlXml(CodePages pages) {
        this.pages = pages;
    }

    // --- WBXML -> XML ----------------------------------------------------------------------------

    /** The XML form of a WBXML document. */
    public String toXml(byte[] wbxml) throws WbxmlException {
        StringWriter out = new StringWriter();
        try {
            toXml(new ByteArrayInputStream(wbxml), WbxmlLimits.DEFAULTS, out);
        } catch (WbxmlException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the XML form of the WBXML read from {@code wbxml}, indented by two spaces. */
    public void toXml(InputStream wbxml, WbxmlLimits limits, Writer out) throws IOException {
        WbxmlReader r = new WbxmlReader(wbxml, pages, limits);
        out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        CodePage defaultPage = null;
        Map<String, Integer> inScope = new HashMap<>();
        List<String> declaredHere = new ArrayList<>();
        boolean startOpen = false;   // "<Tag ..." written, ">" not yet
        boolean inlineContent = false; // the open element got text/opaque on its own line
        int depth = 0;
        while (true) {
            WbxmlReader.Event e = r.next();
            switch (e) {
                case START_TAG -> {
                    if (startOpen) {
                        out.write(">\n");
                    }
                    Tag tag = r.tag();
                    CodePage page = pages.page(tag.page()).orElseThrow();
                    indent(out, depth);
                    String declare = null;
                    String name;
                    if (defaultPage == null) {
                        defaultPage = page;
                        name = tag.name();
                        out.write("<" + name + " xmlns=\"" + page.namespace() + "\"");
                    } else if (page == defaultPage) {
                        name = tag.name();
                        out.write("<" + name);
                    } else {
                        name = page.prefix() + ":" + tag.name();
                        out.write("<" + name);
                        if (inScope.getOrDefault(page.prefix(), 0) == 0) {
                            declare = page.prefix();
                            out.write(" xmlns:" + page.prefix() + "=\"" + page.namespace() + "\"");
                            inScope.merge(declare, 1, Integer::sum);
                        }
                    }
                    declaredHere.add(declare);
                    startOpen = true;
                    inlineContent = false;
                    depth++;
                }
                case TEXT, OPAQUE -> {
                    if (startOpen) {
                        out.write(">");
                        startOpen = false;
                        inlineContent = true;
                    } else if (!inlineContent) {
                        // text after a child element: keep it on its own line
                        indent(out, depth);
                        inlineContent = true;
                    }
                    if (e == WbxmlReader.Event.TEXT) {
                        escape(r.text(), out);
                    } else {
                        out.write("<?" + OPAQUE_PI + " " + Base64.getEncoder().encodeToString(r.opaqueBytes()) + "?>");
                    }
                }
                case END_TAG -> {
                    depth--;
                    String declared = declaredHere.remove(declaredHere.size() - 1);
                    if (declared != null) {
                        inScope.merge(declared, -1, Integer::sum);
                    }
                    if (startOpen) {
                        out.write("/>\n");
                    } else {
                        if (!inlineContent) {
                            indent(out, depth);
                        }
                        out.write("</" + qualifiedName(r.tag(), defaultPage) + ">\n");
                    }
                    startOpen = false;
                    inlineContent = false;
                }
                case END_DOCUMENT -> {
                    out.flush();
                    return;
                }
            }
        }
    }

    private String qualifiedName(Tag tag, CodePage defaultPage) {
        return tag.page() == defaultPage.number() ? tag.name()
                : pages.page(tag.page()).orElseThrow().prefix() + ":" + tag.name();
    }

    private static void indent(Writer out, int depth) throws IOException {
        for (int i = 0; i < depth; i++) {
            out.write("  ");
        }
    }

    private static void escape(String s, Writer out) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '\r' -> out.write("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        // Not representable in XML 1.0; shown for the log, refused on the way back.
                        out.write("&#" + (int) c + ";");
                    } else {
                        out.write(c);
                    }
                }
            }
        }
    }

    // --- XML -> WBXML ----------------------------------------------------------------------------

    /** The WBXML form of an XML document, with tags checked against {@code version}. */
    public byte[] toWbxml(String xml, ProtocolVersion version) throws WbxmlException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            toWbxml(new StringReader(xml), out, version);
        } catch (WbxmlException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Encodes XML in the form {@link #toXml} produces (or as MS-ASCMD writes it, namespaces with
     * or without the trailing colon). Whitespace-only text around child elements is layout and
     * dropped; other text is kept as is. Attributes, DTDs and elements outside the ActiveSync
     * namespaces are refused. Offsets in errors count characters of the XML.
     */
    public void toWbxml(Reader xml, OutputStream out, ProtocolVersion version) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        WbxmlWriter w = new WbxmlWriter(out, pages, version);
        XMLStreamReader x = null;
        try {
            x = factory.createXMLStreamReader(xml);
            StringBuilder pendingText = new StringBuilder();
            List<Boolean> hadChildren = new ArrayList<>();
            while (x.hasNext()) {
                int ev = x.next();
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (x.getAttributeCount() > 0) {
                            throw xmlError("attributes are not part of ActiveSync XML", x.getLocation());
                        }
                        String namespace = x.getNamespaceURI();
                        String localName = x.getLocalName();
                        Location at = x.getLocation();
                        CodePage page = pages.pageForNamespace(namespace).orElseThrow(
                                () -> xmlError("namespace '" + namespace + "' is not an ActiveSync code page", at));
                        Tag tag = page.tag(localName).orElseThrow(
                                () -> xmlError("no tag " + localName + " on code page " + page.name(), at));
                        childContent(w, pendingText, hadChildren);
                        w.start(tag);
                        hadChildren.add(false);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!hadChildren.isEmpty()) {
                            pendingText.append(x.getText());
                        } else if (!x.isWhiteSpace()) {
                            throw xmlError("text outside the root element", x.getLocation());
                        }
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        if (!OPAQUE_PI.equals(x.getPITarget())) {
                            throw xmlError("unknown processing instruction <?" + x.getPITarget() + "?>", x.getLocation());
                        }
                        if (hadChildren.isEmpty()) {
                            throw xmlError("opaque data outside the root element", x.getLocation());
                        }
                        byte[] data;
                        try {
                            // strict: the MIME decoder would silently skip non-base64 characters
                            String base64 = x.getPIData() == null ? "" : x.getPIData().replaceAll("\\s+", "");
                            data = Base64.getDecoder().decode(base64);
                        } catch (IllegalArgumentException bad) {
                            throw xmlError("opaque data is not base64", x.getLocation());
                        }
                        childContent(w, pendingText, hadChildren);
                        w.opaque(data);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        boolean children = hadChildren.remove(hadChildren.size() - 1);
                        if (!children || !isWhitespace(pendingText)) {
                            w.text(pendingText.toString());
                        }
                        pendingText.setLength(0);
                        w.end();
                    }
                    case XMLStreamConstants.DTD -> throw xmlError("DTDs are refused", x.getLocation());
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw xmlError("entity references are refused", x.getLocation());
                    default -> {
                        // comments, the XML declaration, end of document
                    }
                }
            }
            w.finish();
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            throw new WbxmlException("XML: " + e.getMessage(), at == null ? -1 : Math.max(at.getCharacterOffset(), 0));
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // nothing held open beyond the caller's reader
                }
            }
        }
    }

    /** Before a child element or opaque data: text so far is content unless it is just layout. */
    private static void childContent(WbxmlWriter w, StringBuilder pendingText, List<Boolean> hadChildren)
            throws IOException {
        if (hadChildren.isEmpty()) {
            return;
        }
        if (!isWhitespace(pendingText)) {
            w.text(pendingText.toString());
        }
        pendingText.setLength(0);
        hadChildren.set(hadChildren.size() - 1, true);
    }

    private static boolean isWhitespace(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static WbxmlException xmlError(String message, Location at) {
        return new WbxmlException("XML: " + message, at == null ? -1 : Math.max(at.getCharacterOffset(), 0));
    }
}
