package org.koppel.inetmapi.vcard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.koppel.inetmapi.ContentLineFolding;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;

/** Contacts to vCard 4.0 (RFC 6350) or 3.0 (RFC 2426), lines folded at 75 octets, CRLF line ends. */
public final class VCardWriter {

    /** Which vCard to write. */
    public enum Version { V3, V4 }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final NamedTagMap names;
    private final Version version;

    public VCardWriter(NamedTagMap names, Version version) {
        this.names = names;
        this.version = version;
    }

    public String write(MapiMessage contact) throws IOException {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCARD");
        line(out, "VERSION:" + (version == Version.V4 ? "4.0" : "3.0"));
        line(out, "PRODID:-//Koppel//Koppel//EN");
        String fn = string(contact, PropTags.PR_DISPLAY_NAME).or(() -> string(contact, PropTags.PR_SUBJECT)).orElse("");
        line(out, "FN:" + VCardText.escape(fn));
        line(out, "N:" + join(string(contact, PropTags.PR_SURNAME), string(contact, PropTags.PR_GIVEN_NAME),
                string(contact, PropTags.PR_MIDDLE_NAME), string(contact, PropTags.PR_DISPLAY_NAME_PREFIX),
                string(contact, PropTags.PR_GENERATION)));
        string(contact, PropTags.PR_NICKNAME).ifPresent(v -> line(out, "NICKNAME:" + VCardText.escape(v)));
        Optional<String> company = string(contact, PropTags.PR_COMPANY_NAME);
        Optional<String> department = string(contact, PropTags.PR_DEPARTMENT_NAME);
        if (company.isPresent() || department.isPresent()) {
            line(out, "ORG:" + join(company, department));
        }
        string(contact, PropTags.PR_TITLE).ifPresent(v -> line(out, "TITLE:" + VCardText.escape(v)));
        string(contact, PropTags.PR_PROFESSION).ifPresent(v -> line(out, "ROLE:" + VCardText.escape(v)));
        int pref = 1;
        for (ContactFields.Email slot : ContactFields.EMAILS) {
            Optional<String> address = named(contact, slot.address());
            if (address.isPresent()) {
                line(out, "EMAIL;" + types(List.of("internet")) + (version == Version.V4 ? ";PREF=" + pref
                        : pref == 1 ? ",pref" : "") + ":" + VCardText.escape(address.get()));
                pref++;
            }
        }
        for (ContactFields.Phone phone : ContactFields.PHONES) {
            string(contact, phone.tag()).ifPresent(v -> line(out, "TEL;" + types(phone.writtenTypes()) + ":"
                    + VCardText.escape(v)));
        }
        for (ContactFields.Address a : ContactFields.ADDRESSES) {
            List<Optional<String>> parts = a.tags().stream().map(t -> string(contact, t)).toList();
            if (parts.stream().anyMatch(Optional::isPresent)) {
                String[] street = parts.get(1).orElse("").split("\n", 2);
                line(out, "ADR;" + types(List.of(a.type())) + ":" + join(parts.get(0),
                        Optional.of(street.length > 1 ? street[1] : ""), Optional.of(street[0]), parts.get(2),
                        parts.get(3), parts.get(4), parts.get(5)));
            }
        }
        time(contact, PropTags.PR_BIRTHDAY).ifPresent(d -> line(out, "BDAY:" + DATE.format(d)));
        time(contact, PropTags.PR_WEDDING_ANNIVERSARY).ifPresent(d -> line(out,
                (version == Version.V4 ? "ANNIVERSARY:" : "X-ANNIVERSARY:") + DATE.format(d)));
        names.find(NamedTags.KEYWORDS).flatMap(contact::property).map(PropValue::javaValue)
                .filter(List.class::isInstance).map(l -> (List<?>) l).filter(l -> !l.isEmpty())
                .ifPresent(l -> line(out, "CATEGORIES:" + String.join(",", l.stream()
                        .map(o -> VCardText.escape(String.valueOf(o))).toList())));
        string(contact, PropTags.PR_BUSINESS_HOME_PAGE).ifPresent(v -> line(out, "URL;" + types(List.of("work")) + ":" + v));
        string(contact, PropTags.PR_PERSONAL_HOME_PAGE).ifPresent(v -> line(out, "URL;" + types(List.of("home")) + ":" + v));
        string(contact, PropTags.PR_BODY).ifPresent(v -> line(out, "NOTE:" + VCardText.escape(v)));
        photo(contact, out);
        line(out, "UID:" + named(contact, ContactFields.UID).orElseGet(() -> "urn:uuid:" + UUID.randomUUID()));
        line(out, "END:VCARD");
        return out.toString();
    }

    private void photo(MapiMessage contact, StringBuilder out) throws IOException {
        for (MapiMessage.Attachment a : contact.attachments()) {
            if (a.property(PropTags.PR_ATTACHMENT_CONTACT_PHOTO).map(v -> Boolean.TRUE.equals(v.javaValue()))
                    .orElse(false)) {
                String mime = a.property(PropTags.PR_ATTACH_MIME_TAG).map(v -> String.valueOf(v.javaValue()))
                        .orElse("image/jpeg").toLowerCase(Locale.ROOT);
                byte[] data;
                try (InputStream in = a.open()) {
                    data = in.readNBytes(8 << 20);
                }
                String b64 = Base64.getEncoder().encodeToString(data);
                if (version == Version.V4) {
                    line(out, "PHOTO:data:" + mime + ";base64," + b64);
                } else {
                    line(out, "PHOTO;ENCODING=b;TYPE=" + mime.substring(mime.indexOf('/') + 1).toUpperCase(Locale.ROOT)
                            + ":" + b64);
                }
                return;
            }
        }
    }

    private String types(List<String> types) {
        return version == Version.V4 ? "TYPE=" + String.join(",", types)
                : "TYPE=" + String.join(",", types.stream().map(t -> t.toUpperCase(Locale.ROOT)).toList());
    }

    @SafeVarargs
    private static String join(Optional<String>... parts) {
        List<String> out = new ArrayList<>();
        for (Optional<String> p : parts) {
            out.add(VCardText.escape(p.orElse("")));
        }
        return String.join(";", out);
    }

    private Optional<String> named(MapiMessage m, NamedPropTag tag) {
        return names.find(tag).flatMap(t -> string(m, t));
    }

    private static Optional<String> string(MapiMessage m, PropTag tag) {
        return m.property(tag).map(PropValue::javaValue).filter(String.class::isInstance).map(String.class::cast)
                .filter(s -> !s.isEmpty());
    }

    private static Optional<Instant> time(MapiMessage m, PropTag tag) {
        return m.property(tag).map(PropValue::javaValue).filter(Instant.class::isInstance).map(Instant.class::cast);
    }

    private static void line(StringBuilder out, String line) {
        ContentLineFolding.append(out, line);
    }
}
