package org.koppel.gateway.imap.message;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.koppel.gateway.imap.syntax.ImapCommand;

/**
 * The SORT keys of one message (RFC 5256 section 3, DISPLAYFROM/DISPLAYTO of RFC 5957), strings already folded for
 * the collation ({@link SortCollation}).
 *
 * @param id      message number or UID; the final tie-breaker
 * @param arrival internal date (ARRIVAL)
 * @param sent    Date header, or the internal date when it is missing or unparsable (DATE)
 * @param size    RFC822.SIZE (SIZE)
 */
public record SortFields(long id, Instant arrival, Instant sent, long size, String subject, String from, String to,
        String cc, String displayFrom, String displayTo) {

    public static SortFields of(long id, Instant arrival, long size, Headers headers) {
        List<EnvelopeAddress> from = addresses(headers, "From");
        List<EnvelopeAddress> to = addresses(headers, "To");
        return new SortFields(id, arrival, SentDate.of(headers).map(d -> d.toInstant()).orElse(arrival), size,
                BaseSubject.of(headers.text("Subject").orElse("")).key(), fold(mailbox(from)), fold(mailbox(to)),
                fold(mailbox(addresses(headers, "Cc"))), fold(display(from)), fold(display(to)));
    }

    /** The order of a SORT command's criteria; equal messages stay in message-number (or UID) order. */
    public static Comparator<SortFields> order(List<ImapCommand.SortCriterion> criteria) {
        Comparator<SortFields> order = (a, b) -> 0;
        for (ImapCommand.SortCriterion criterion : criteria) {
            Comparator<SortFields> key = switch (criterion.key()) {
                case ARRIVAL -> Comparator.comparing(SortFields::arrival);
                case CC -> Comparator.comparing(SortFields::cc);
                case DATE -> Comparator.comparing(SortFields::sent);
                case FROM -> Comparator.comparing(SortFields::from);
                case SIZE -> Comparator.comparingLong(SortFields::size);
                case SUBJECT -> Comparator.comparing(SortFields::subject);
                case TO -> Comparator.comparing(SortFields::to);
                case DISPLAYFROM -> Comparator.comparing(SortFields::displayFrom);
                case DISPLAYTO -> Comparator.comparing(SortFields::displayTo);
            };
            order = order.thenComparing(criterion.reverse() ? key.reversed() : key);
        }
        return order.thenComparingLong(SortFields::id);
    }

    private static List<EnvelopeAddress> addresses(Headers headers, String name) {
        return headers.text(name).map(AddressList::parse).orElse(List.of());
    }

    private static EnvelopeAddress.Mailbox first(List<EnvelopeAddress> list) {
        for (EnvelopeAddress a : list) {
            if (a instanceof EnvelopeAddress.Mailbox m) {
                return m;
            }
        }
        return null;
    }

    /** addr-mailbox of the first address (RFC 5256), empty without one. */
    private static String mailbox(List<EnvelopeAddress> list) {
        EnvelopeAddress.Mailbox m = first(list);
        return m == null ? "" : m.mailbox();
    }

    /** The decoded display name of the first address, else its addr-spec (RFC 5957). */
    private static String display(List<EnvelopeAddress> list) {
        EnvelopeAddress.Mailbox m = first(list);
        if (m == null) {
            return "";
        }
        String name = m.name().map(n -> {
            try {
                return DecoderUtil.decodeEncodedWords(n, DecodeMonitor.SILENT).strip();
            } catch (IllegalArgumentException e) {
                return n.strip();
            }
        }).orElse("");
        return name.isEmpty() ? m.mailbox() + "@" + m.host() : name;
    }

    private static String fold(String s) {
        return SortCollation.key(s);
    }
}
