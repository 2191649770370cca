package org.koppel.inetmapi.ical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.Recipient;

/**
 * ORGANIZER and ATTENDEE <-> the recipient table and the sender properties ([MS-OXCICAL] 2.1.3.1.1.20.2 and
 * .20.30): REQ-PARTICIPANT and CHAIR are MAPI_TO, OPT-PARTICIPANT MAPI_CC, NON-PARTICIPANT MAPI_BCC; PARTSTAT
 * is PR_RECIPIENT_TRACK_STATUS. The organizer is in the recipient table (flagged recipOrganizer) only when
 * it is also an attendee.
 */
final class Attendees {

    static final int RECIP_SENDABLE = 0x0001;
    static final int RECIP_ORGANIZER = 0x0002;

    static final int RESP_NONE = 0;
    static final int RESP_ORGANIZED = 1;
    static final int RESP_TENTATIVE = 2;
    static final int RESP_ACCEPTED = 3;
    static final int RESP_DECLINED = 4;
    static final int RESP_NOT_RESPONDED = 5;

    private Attendees() {
    }

    record Address(String name, String email) {
    }

    static Optional<Address> organizer(Component c) {
        return ICal.prop(c, "ORGANIZER").map(p -> new Address(ICal.param(p, "CN").orElse(""), email(p)));
    }

    static String email(Property p) {
        String v = p.getValue().strip();
        return v.regionMatches(true, 0, "mailto:", 0, 7) ? v.substring(7) : v;
    }

    /** The recipient rows of a component's attendees. */
    static List<Recipient> recipients(Component c) {
        Optional<Address> organizer = organizer(c);
        List<Recipient> out = new ArrayList<>();
        for (Property p : ICal.props(c, "ATTENDEE")) {
            String email = email(p);
            String role = ICal.param(p, "ROLE").orElse("REQ-PARTICIPANT").toUpperCase(Locale.ROOT);
            RecipientType type = switch (role) {
                case "OPT-PARTICIPANT" -> RecipientType.MAPI_CC;
                case "NON-PARTICIPANT" -> RecipientType.MAPI_BCC;
                default -> RecipientType.MAPI_TO;
            };
            int flags = RECIP_SENDABLE;
            if (organizer.isPresent() && organizer.get().email().equalsIgnoreCase(email)) {
                flags |= RECIP_ORGANIZER;
            }
            int track = switch (ICal.param(p, "PARTSTAT").orElse("NEEDS-ACTION").toUpperCase(Locale.ROOT)) {
                case "ACCEPTED" -> RESP_ACCEPTED;
                case "DECLINED" -> RESP_DECLINED;
                case "TENTATIVE" -> RESP_TENTATIVE;
                case "NEEDS-ACTION" -> RESP_NOT_RESPONDED;
                default -> RESP_NONE;
            };
            String name = ICal.param(p, "CN").orElse(email);
            out.add(new Recipient(0, type, name, email, List.of(
                    PropValue.of(PropTags.PR_ADDRTYPE, "SMTP"),
                    PropValue.of(PropTags.PR_SMTP_ADDRESS, email),
                    PropValue.of(PropTags.PR_RECIPIENT_FLAGS, flags),
                    PropValue.of(PropTags.PR_RECIPIENT_TRACK_STATUS, track))));
        }
        return out;
    }

    /** The organizer as sender and sent-representing properties. */
    static void organizerProperties(Component c, PropBuilder props) {
        organizer(c).ifPresent(o -> {
            String name = o.name().isEmpty() ? o.email() : o.name();
            props.put(PropTags.PR_SENT_REPRESENTING_NAME, name)
                    .put(PropTags.PR_SENT_REPRESENTING_EMAIL_ADDRESS, o.email())
                    .put(PropTags.PR_SENT_REPRESENTING_ADDRTYPE, "SMTP")
                    .put(PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS, o.email())
                    .put(PropTags.PR_SENDER_NAME, name)
                    .put(PropTags.PR_SENDER_EMAIL_ADDRESS, o.email())
                    .put(PropTags.PR_SENDER_ADDRTYPE, "SMTP")
                    .put(PropTags.PR_SENDER_SMTP_ADDRESS, o.email());
        });
    }

    /** Writes ORGANIZER and ATTENDEE lines for a message's recipients and sender. */
    static void write(PropReader message, List<Recipient> recipients, NamedTagMap tags, ContentLines out) {
        Optional<Address> organizer = message.string(PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS)
                .or(() -> message.string(PropTags.PR_SENT_REPRESENTING_EMAIL_ADDRESS))
                .map(e -> new Address(message.string(PropTags.PR_SENT_REPRESENTING_NAME).orElse(""), e));
        for (Recipient r : recipients) {
            PropReader rp = new PropReader(r.properties(), tags);
            if ((rp.integer(PropTags.PR_RECIPIENT_FLAGS).orElse(0) & RECIP_ORGANIZER) != 0 && organizer.isEmpty()) {
                organizer = Optional.of(new Address(r.displayName(), address(r, rp)));
            }
        }
        if (organizer.isPresent()) {
            Address o = organizer.get();
            out.raw("ORGANIZER" + (o.name().isEmpty() ? "" : ";CN=" + ContentLines.param(o.name())),
                    "mailto:" + o.email());
        }
        for (Recipient r : recipients) {
            PropReader rp = new PropReader(r.properties(), tags);
            boolean isOrganizer = (rp.integer(PropTags.PR_RECIPIENT_FLAGS).orElse(0) & RECIP_ORGANIZER) != 0;
            String role = switch (r.type()) {
                case MAPI_CC -> "OPT-PARTICIPANT";
                case MAPI_BCC -> "NON-PARTICIPANT";
                default -> isOrganizer ? "CHAIR" : "REQ-PARTICIPANT";
            };
            if (r.type() == RecipientType.MAPI_ORIG) {
                continue;
            }
            String partstat = switch (rp.integer(PropTags.PR_RECIPIENT_TRACK_STATUS).orElse(RESP_NONE)) {
                case RESP_ACCEPTED, RESP_ORGANIZED -> "ACCEPTED";
                case RESP_DECLINED -> "DECLINED";
                case RESP_TENTATIVE -> "TENTATIVE";
                default -> "NEEDS-ACTION";
            };
            String email = address(r, rp);
            StringBuilder line = new StringBuilder("ATTENDEE");
            if (!r.displayName().isEmpty() && !r.displayName().equals(email)) {
                line.append(";CN=").append(ContentLines.param(r.displayName()));
            }
            line.append(";ROLE=").append(role).append(";PARTSTAT=").append(partstat);
            out.raw(line.toString(), "mailto:" + email);
        }
    }

    private static String address(Recipient r, PropReader rp) {
        return rp.string(PropTags.PR_SMTP_ADDRESS).orElse(r.email());
    }
}
