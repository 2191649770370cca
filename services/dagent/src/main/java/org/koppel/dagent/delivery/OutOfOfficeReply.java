package org.koppel.dagent.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.StoreNamedTags;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySets;
import org.koppel.store.api.Address;
import org.koppel.store.api.ItemDraft;
import org.koppel.store.api.OutOfOffice;
import org.koppel.store.api.OutOfOfficeMessage;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.WellKnownFolder;

/**
 * The out-of-office reply to a delivered message (RFC 3834): sent to the envelope sender through the user's
 * Outbox and the spooler, marked {@code Auto-Submitted: auto-replied}, at most once per sender per period, and
 * never to the user, a null or MAILER-DAEMON sender, mailing lists, bulk mail or other automatic mail, so two
 * auto-responders cannot answer each other in a loop.
 */
public final class OutOfOfficeReply {

    /** Why a message was or was not answered. */
    public enum Verdict {
        SENT, OFF, NULL_SENDER, OWN_MAIL, AUTOMATIC, LIST_OR_BULK, ALREADY_ANSWERED,
        /** The settings do not answer this kind of sender (inside or outside the organisation). */
        NOT_FOR_SENDER
    }

    private final Duration period;

    /** @param period a sender is answered at most once in this period */
    public OutOfOfficeReply(Duration period) {
        this.period = period;
    }

    /**
     * Answers {@code message} (as converted, named properties numbered by {@code local}) delivered to
     * {@code user}'s store, if the user's out-of-office is on and the message deserves an answer.
     */
    public Verdict answer(Session s, StoreInfo store, UserInfo user, MessageContent message, NamedTagMap local,
            String envelopeSender, Instant now) {
        return answer(s, store, user, message, local, envelopeSender, now, () -> OutOfOfficeMessage.of(s, store).read());
    }

    /**
     * The same, with the user's settings from {@code settings}, which is asked only when the message deserves
     * an answer at all (delivery keeps them per store between messages).
     */
    public Verdict answer(Session s, StoreInfo store, UserInfo user, MessageContent message, NamedTagMap local,
            String envelopeSender, Instant now, Supplier<OutOfOffice> settings) {
        String sender = envelopeSender == null ? "" : envelopeSender.strip();
        Optional<Verdict> refused = screen(user, message, local, sender);
        if (refused.isPresent()) {
            return refused.get();
        }
        OutOfOffice oof = settings.get();
        if (!oof.activeAt(now)) {
            return Verdict.OFF;
        }
        OutOfOfficeMessage stored = OutOfOfficeMessage.of(s, store);
        boolean internal = internal(s, user, sender);
        if (internal ? !oof.internal() : oof.external() != OutOfOffice.ExternalAudience.ALL) {
            // KNOWN would answer outside senders in the user's contacts; contacts are not looked up yet.
            return Verdict.NOT_FOR_SENDER;
        }
        if (!stored.claimReply(sender, now, period)) {
            return Verdict.ALREADY_ANSWERED;
        }
        send(s, store, user, oof, internal ? oof.text() : oof.externalReply(), message, sender);
        return Verdict.SENT;
    }

    /**
     * Whether a sender is inside the organisation: a user (or alias) of this server's directory, or an address in
     * one of the user's own domains.
     */
    static boolean internal(Session s, UserInfo user, String sender) {
        String domain = domain(sender);
        if (!domain.isEmpty() && (domain.equals(domain(user.email()))
                || user.aliases().stream().anyMatch(a -> domain.equals(domain(a))))) {
            return true;
        }
        try {
            return s.directory().resolve(sender).isPresent();
        } catch (RuntimeException e) {
            return false; // a lookup that fails treats the sender as outside: the safer answer
        }
    }

    private static String domain(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Why an automatic answer to this message must not go out, if it must not: a null or MAILER-DAEMON sender,
     * the user's own mail, automatic mail (RFC 3834, Exchange's X-Auto-Response-Suppress), list or bulk mail.
     * Shared by the out-of-office reply and the reply action of inbox rules.
     */
    static Optional<Verdict> screen(UserInfo user, MessageContent message, NamedTagMap local, String sender) {
        int at = sender.lastIndexOf('@');
        if (at < 1 || sender.substring(0, at).equalsIgnoreCase("MAILER-DAEMON")) {
            return Optional.of(Verdict.NULL_SENDER);
        }
        if (own(user, sender) || string(message, PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS).map(a -> own(user, a))
                .orElse(false)) {
            return Optional.of(Verdict.OWN_MAIL);
        }
        Optional<String> autoSubmitted = header(message, local, "Auto-Submitted");
        if (autoSubmitted.isPresent() && !autoSubmitted.get().strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of(Verdict.AUTOMATIC);
        }
        // Exchange's way of saying the same (RFC 3834 is not universal): OOF or All suppresses us.
        Optional<String> suppress = header(message, local, "X-Auto-Response-Suppress")
                .map(v -> v.toLowerCase(Locale.ROOT));
        if (suppress.isPresent() && (suppress.get().contains("oof") || suppress.get().contains("all"))) {
            return Optional.of(Verdict.AUTOMATIC);
        }
        String precedence = header(message, local, "Precedence").map(v -> v.strip().toLowerCase(Locale.ROOT))
                .orElse("");
        if (precedence.equals("bulk") || precedence.equals("list") || precedence.equals("junk")
                || header(message, local, "List-Id").isPresent() || header(message, local, "List-Unsubscribe").isPresent()) {
            return Optional.of(Verdict.LIST_OR_BULK);
        }
        return Optional.empty();
    }

    private static void send(Session s, StoreInfo store, UserInfo user, OutOfOffice oof, String text,
            MessageContent original, String to) {
        NamedTagMap names = new StoreNamedTags(s, store.entryId());
        ItemDraft reply = ItemDraft.mail()
                .subject(oof.replySubject(string(original, PropTags.PR_SUBJECT).orElse("")))
                .body(text)
                .from(new Address(user.fullName(), user.email()))
                .to(to, to)
                .read(true)
                .property(PropValue.of(headerTag(names, "Auto-Submitted"), "auto-replied"))
                .property(PropValue.of(headerTag(names, "X-Auto-Response-Suppress"), "All"));
        Optional<String> messageId = string(original, PropTags.PR_INTERNET_MESSAGE_ID);
        messageId.ifPresent(id -> {
            reply.property(PropValue.of(PropTags.PR_IN_REPLY_TO_ID, id));
            String references = string(original, PropTags.PR_INTERNET_REFERENCES).map(r -> r.strip() + " " + id)
                    .orElse(id);
            reply.property(PropValue.of(PropTags.PR_INTERNET_REFERENCES, references));
        });
        EntryId saved = s.messages().create(store.folder(WellKnownFolder.OUTBOX), reply.content());
        s.messages().submit(saved);
    }

    static boolean own(UserInfo user, String address) {
        if (address.equalsIgnoreCase(user.email())) {
            return true;
        }
        return user.aliases().stream().anyMatch(address::equalsIgnoreCase);
    }

    static PropTag headerTag(NamedTagMap names, String header) {
        return names.resolve(NamedPropTag.byName(PropertySets.PS_INTERNET_HEADERS, header.toLowerCase(Locale.ROOT),
                PropType.PT_UNICODE));
    }

    static Optional<String> header(MessageContent m, NamedTagMap local, String name) {
        return local.find(NamedPropTag.byName(PropertySets.PS_INTERNET_HEADERS, name.toLowerCase(Locale.ROOT),
                PropType.PT_UNICODE)).flatMap(t -> string(m, t));
    }

    static Optional<String> string(MessageContent m, PropTag tag) {
        return m.properties().stream().filter(p -> p.tag().equals(tag)).map(p -> p.javaValue())
                .filter(String.class::isInstance).map(String.class::cast).findFirst();
    }
}
