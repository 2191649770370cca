package org.koppel.inetmapi.vcard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MessageContent;

/**
 * vCards (4.0, 3.0, 2.1) to contacts (IPM.Contact): names, organisation, up to three e-mail addresses,
 * every telephone kind a contact has, work/home/other addresses, birthday, anniversary, categories,
 * notes, web pages, photo (as the contact picture attachment) and the UID.
 */
public final class VCardReader {

    private final NamedTagMap names;

    public VCardReader(NamedTagMap names) {
        this.names = names;
    }

    /** Every card in the text, as a contact; malformed lines are skipped, not fatal. */
    public List<MessageContent> read(String vcards) {
        List<MessageContent> out = new ArrayList<>();
        for (List<VCardProperty> card : VCardParser.parse(vcards)) {
            out.add(contact(card));
        }
        return out;
    }

    private MessageContent contact(List<VCardProperty> card) {
        List<PropValue> props = new ArrayList<>();
        List<AttachmentContent> attachments = new ArrayList<>();
        props.add(PropValue.of(PropTags.PR_MESSAGE_CLASS, "IPM.Contact"));
        Set<PropTag> used = new HashSet<>();
        String fn = first(card, "FN").map(VCardProperty::text).orElse("");
        List<String> n = first(card, "N").map(VCardProperty::components).orElse(List.of());
        String surname = part(n, 0);
        String given = part(n, 1);
        put(props, used, PropTags.PR_SURNAME, surname);
        put(props, used, PropTags.PR_GIVEN_NAME, given);
        put(props, used, PropTags.PR_MIDDLE_NAME, part(n, 2));
        put(props, used, PropTags.PR_DISPLAY_NAME_PREFIX, part(n, 3));
        put(props, used, PropTags.PR_GENERATION, part(n, 4));
        if (fn.isEmpty()) {
            fn = String.join(" ", List.of(part(n, 3), given, part(n, 2), surname, part(n, 4)).stream()
                    .filter(s -> !s.isEmpty()).toList());
        }
        put(props, used, PropTags.PR_DISPLAY_NAME, fn);
        put(props, used, PropTags.PR_SUBJECT, fn);
        String fileAs = surname.isEmpty() ? fn : given.isEmpty() ? surname : surname + ", " + given;
        if (!fileAs.isEmpty()) {
            props.add(PropValue.of(names.resolve(NamedTags.FILE_UNDER), fileAs));
        }
        first(card, "NICKNAME").ifPresent(p -> put(props, used, PropTags.PR_NICKNAME, p.text()));
        first(card, "ORG").ifPresent(p -> {
            List<String> org = p.components();
            put(props, used, PropTags.PR_COMPANY_NAME, part(org, 0));
            put(props, used, PropTags.PR_DEPARTMENT_NAME, part(org, 1));
        });
        first(card, "TITLE").ifPresent(p -> put(props, used, PropTags.PR_TITLE, p.text()));
        first(card, "ROLE").ifPresent(p -> put(props, used, PropTags.PR_PROFESSION, p.text()));
        first(card, "NOTE").ifPresent(p -> put(props, used, PropTags.PR_BODY, p.text()));
        emails(card, fn, props);
        phones(card, props, used);
        addresses(card, props, used);
        first(card, "BDAY").flatMap(p -> date(p.value())).ifPresent(d -> props.add(PropValue.of(PropTags.PR_BIRTHDAY, d)));
        first(card, "ANNIVERSARY").or(() -> first(card, "X-ANNIVERSARY"))
                .flatMap(p -> date(p.value())).ifPresent(d -> props.add(PropValue.of(PropTags.PR_WEDDING_ANNIVERSARY, d)));
        List<String> categories = new ArrayList<>();
        for (VCardProperty p : all(card, "CATEGORIES")) {
            VCardText.split(p.value(), ',').stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(categories::add);
        }
        if (!categories.isEmpty()) {
            props.add(PropValue.of(names.resolve(NamedTags.KEYWORDS), categories));
        }
        for (VCardProperty p : all(card, "URL")) {
            PropTag tag = p.hasType("home") ? PropTags.PR_PERSONAL_HOME_PAGE : PropTags.PR_BUSINESS_HOME_PAGE;
            if (!used.contains(tag)) {
                put(props, used, tag, p.text());
            } else if (!used.contains(PropTags.PR_PERSONAL_HOME_PAGE)) {
                put(props, used, PropTags.PR_PERSONAL_HOME_PAGE, p.text());
            }
        }
        first(card, "UID").ifPresent(p -> props.add(PropValue.of(names.resolve(ContactFields.UID), p.text())));
        first(card, "PHOTO").filter(p -> p.binary() != null && p.binary().length > 0).ifPresent(p -> {
            String type = p.params().getOrDefault("type", List.of("jpeg")).get(0).toLowerCase(java.util.Locale.ROOT);
            String ext = type.contains("png") ? "png" : type.contains("gif") ? "gif" : "jpg";
            attachments.add(new AttachmentContent.ByValue(List.of(
                    PropValue.of(PropTags.PR_ATTACH_LONG_FILENAME, "ContactPicture." + ext),
                    PropValue.of(PropTags.PR_DISPLAY_NAME, "ContactPicture." + ext),
                    PropValue.of(PropTags.PR_ATTACH_MIME_TAG, "image/" + (ext.equals("jpg") ? "jpeg" : ext)),
                    PropValue.of(PropTags.PR_ATTACHMENT_CONTACT_PHOTO, true),
                    PropValue.of(PropTags.PR_ATTACHMENT_HIDDEN, true)), InputStreamSource.ofBytes(p.binary())));
            props.add(PropValue.of(names.resolve(NamedTags.HAS_PICTURE), true));
        });
        return new MessageContent(props, List.of(), attachments, false);
    }

    private void emails(List<VCardProperty> card, String fn, List<PropValue> props) {
        List<VCardProperty> emails = new ArrayList<>(all(card, "EMAIL"));
        emails.sort(Comparator.comparingInt(VCardProperty::preference));
        for (int i = 0; i < Math.min(3, emails.size()); i++) {
            String address = emails.get(i).text().strip();
            ContactFields.Email slot = ContactFields.EMAILS.get(i);
            props.add(PropValue.of(names.resolve(slot.address()), address));
            props.add(PropValue.of(names.resolve(slot.type()), "SMTP"));
            props.add(PropValue.of(names.resolve(slot.display()), fn.isEmpty() ? address : fn + " (" + address + ")"));
        }
    }

    private static void phones(List<VCardProperty> card, List<PropValue> props, Set<PropTag> used) {
        for (VCardProperty tel : all(card, "TEL")) {
            String number = tel.text().replaceFirst("^tel:", "").strip();
            List<String> types = tel.types();
            for (ContactFields.Phone phone : ContactFields.PHONES) {
                boolean fax = types.contains("fax");
                boolean matches = types.containsAll(phone.types())
                        && (fax == phone.types().contains("fax") || phone.types().isEmpty());
                if (matches && !used.contains(phone.tag())) {
                    put(props, used, phone.tag(), number);
                    break;
                }
            }
        }
    }

    private static void addresses(List<VCardProperty> card, List<PropValue> props, Set<PropTag> used) {
        for (VCardProperty adr : all(card, "ADR")) {
            List<String> c = adr.components();
            ContactFields.Address kind = ContactFields.ADDRESSES.stream().filter(a -> adr.hasType(a.type())).findFirst()
                    .orElse(ContactFields.ADDRESSES.get(2));
            if (used.contains(kind.street()) || used.contains(kind.city())) {
                continue;
            }
            String street = part(c, 2) + (part(c, 1).isEmpty() ? "" : "\n" + part(c, 1));
            put(props, used, kind.poBox(), part(c, 0));
            put(props, used, kind.street(), street);
            put(props, used, kind.city(), part(c, 3));
            put(props, used, kind.region(), part(c, 4));
            put(props, used, kind.code(), part(c, 5));
            put(props, used, kind.country(), part(c, 6));
        }
    }

    private static void put(List<PropValue> props, Set<PropTag> used, PropTag tag, String value) {
        if (value != null && !value.isEmpty() && used.add(tag)) {
            props.add(PropValue.of(tag, value));
        }
    }

    private static String part(List<String> parts, int i) {
        return i < parts.size() ? parts.get(i).strip() : "";
    }

    private static Optional<VCardProperty> first(List<VCardProperty> card, String name) {
        return card.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static List<VCardProperty> all(List<VCardProperty> card, String name) {
        return card.stream().filter(p -> p.name().equals(name)).toList();
    }

    /** A vCard date (2026-05-01, 20260501, --0501 without year is skipped) at midnight UTC. */
    static Optional<Instant> date(String value) {
        String v = value.strip();
        if (v.startsWith("--")) {
            return Optional.empty();
        }
        if (v.length() >= 8 && v.charAt(4) != '-') {
            v = v.substring(0, 4) + "-" + v.substring(4, 6) + "-" + v.substring(6, 8);
        }
        try {
            return Optional.of(LocalDate.parse(v.substring(0, Math.min(10, v.length()))).atStartOfDay()
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
