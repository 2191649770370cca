package org.koppel.eas.validatecert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/** Reads and writes ValidateCert requests and responses, both directions. */
public final class ValidateCertCodec {

    /** Certificates per list; a phone sends one or a few. */
    static final int MAX_CERTIFICATES = 32;
    /** Base64 of one certificate (48 KiB of DER). */
    static final int MAX_CERTIFICATE = 64 * 1024;

    private final CodePages pages;

    public ValidateCertCodec(CodePages pages) {
        this.pages = pages;
    }

    public ValidateCertRequest decodeRequest(WbxmlReader reader, ProtocolVersion version) throws DecodeException,
            IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("ValidateCert:ValidateCert");
        List<String> certificates = null;
        List<String> chain = List.of();
        boolean crl = false;
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "ValidateCert:Certificates" -> certificates = certificates(in);
                case "ValidateCert:CertificateChain" -> chain = certificates(in);
                case "ValidateCert:CheckCRL" -> crl = in.bool();
                default -> throw in.unexpected();
            }
        }
        in.endDocument();
        if (certificates == null || certificates.isEmpty()) {
            throw in.missing("ValidateCert:Certificate", "ValidateCert:Certificates");
        }
        return new ValidateCertRequest(certificates, chain, crl);
    }

    private static List<String> certificates(ElementReader in) throws DecodeException, IOException {
        List<String> out = new ArrayList<>();
        while (in.nextChild()) {
            if (!in.name().equals("ValidateCert:Certificate")) {
                throw in.unexpected();
            }
            if (out.size() == MAX_CERTIFICATES) {
                throw in.invalid("more than " + MAX_CERTIFICATES + " certificates");
            }
            out.add(in.text(MAX_CERTIFICATE));
        }
        return out;
    }

    public void encodeRequest(WbxmlWriter writer, ValidateCertRequest request) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("ValidateCert:ValidateCert");
        if (!request.chain().isEmpty()) {
            out.start("ValidateCert:CertificateChain");
            for (String c : request.chain()) {
                out.element("ValidateCert:Certificate", c);
            }
            out.end();
        }
        out.start("ValidateCert:Certificates");
        for (String c : request.certificates()) {
            out.element("ValidateCert:Certificate", c);
        }
        out.end();
        if (request.checkCrl()) {
            out.element("ValidateCert:CheckCRL", true);
        }
        out.end().finish();
    }

    public void encodeResponse(WbxmlWriter writer, ValidateCertResponse response) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("ValidateCert:ValidateCert").status("ValidateCert:Status", response.status());
        for (ValidateCertStatus s : response.certificates()) {
            out.start("ValidateCert:Certificate").status("ValidateCert:Status", s).end();
        }
        out.end().finish();
    }

    public ValidateCertResponse decodeResponse(WbxmlReader reader, ProtocolVersion version) throws DecodeException,
            IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("ValidateCert:ValidateCert");
        ValidateCertStatus status = null;
        List<ValidateCertStatus> certificates = new ArrayList<>();
        while (in.nextChild()) {
            switch (in.name()) {
                case "ValidateCert:Status" -> {
                    if (status != null) {
                        throw in.invalid("two Status elements");
                    }
                    status = in.status(ValidateCertStatus.class);
                }
                case "ValidateCert:Certificate" -> {
                    ValidateCertStatus s = null;
                    while (in.nextChild()) {
                        if (!in.name().equals("ValidateCert:Status") || s != null) {
                            throw in.unexpected();
                        }
                        s = in.status(ValidateCertStatus.class);
                    }
                    if (s == null) {
                        throw in.missing("ValidateCert:Status", "ValidateCert:Certificate");
                    }
                    certificates.add(s);
                }
                default -> throw in.unexpected();
            }
        }
        in.endDocument();
        if (status == null) {
            throw in.missing("ValidateCert:Status", "ValidateCert:ValidateCert");
        }
        return new ValidateCertResponse(status, certificates);
    }
}
