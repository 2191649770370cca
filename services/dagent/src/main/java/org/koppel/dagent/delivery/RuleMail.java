package org.koppel.dagent.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.StoreNamedTags;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RuleAction;
import org.koppel.store.api.Address;
import org.koppel.store.api.ItemDraft;
import org.koppel.store.api.Rules;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.WellKnownFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail inbox rules send: forwards, redirects, forwards as attachment and template replies, each saved in the
 * user's Outbox and submitted, so the spooler sends it like any other mail. Forwards go only to whitelisted
 * domains (or the system's own users) and carry {@code Auto-Submitted: auto-generated; koppel-hops=N} (RFC 3834
 * allows parameters): a message that already made {@code maxForwardHops} automatic hops is not sent on, which
 * ends forwarding loops between rules, here or on other systems that honour Auto-Submitted.
 */
final class RuleMail {

    private static final Logger LOG = LoggerFactory.getLogger(RuleMail.class);
    private static final Pattern HOPS = Pattern.compile("koppel-hops\\s*=\\s*(\\d{1,4})", Pattern.CASE_INSENSITIVE);

    /** Why a forward did not go out. */
    enum Refusal {
        LOOP, NOT_WHITELISTED
    }

    private final RuleSettings settings;

    RuleMail(RuleSettings settings) {
        this.settings = settings;
    }

    /** The automatic hops a message has made: koppel-hops, else 1 for any other automatic mail, else 0. */
    static int hops(MessageContent m, NamedTagMap names) {
        Optional<String> auto = OutOfOfficeReply.header(m, names, "Auto-Submitted");
        if (auto.isEmpty() || auto.get().strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return 0;
        }
        Matcher hops = HOPS.matcher(auto.get());
        return hops.find() ? Integer.parseInt(hops.group(1)) : 1;
    }

    /**
     * Sends the forward; returns the refusal when nothing went out (a loop, or no recipient on the whitelist).
     *
     * @param original the delivered message in the store's form (named ids of {@code store})
     * @param isLocal  whether an address belongs to a user of this system (always allowed)
     */
    Optional<Refusal> forward(Session s, StoreInfo store, UserInfo user, MessageContent original, RuleAction.Forward f,
            java.util.function.Predicate<String> isLocal) {
        NamedTagMap names = new StoreNamedTags(s, store.entryId());
        int hops = hops(original, names);
        if (hops >= settings.maxForwardHops()) {
            LOG.warn("Rule forward from {} not sent: the message already made {} automatic hops (loop guard)",
                    user.login(), hops);
            return Optional.of(Refusal.LOOP);
        }
        List<String> to = new ArrayList<>();
        for (String address : f.addresses()) {
            if (settings.mayForwardTo(address) || isLocal.test(address)) {
                to.add(address);
            } else {
                LOG.warn("Rule forward from {} to {} refused: the domain is not in forward_whitelist_domains",
                        user.login(), address);
            }
        }
        if (to.isEmpty()) {
            return Optional.of(Refusal.NOT_WHITELISTED);
        }
        String subject = OutOfOfficeReply.string(original, PropTags.PR_SUBJECT).orElse("");
        String body = OutOfOfficeReply.string(original, PropTags.PR_BODY).orElse("");
        ItemDraft draft = ItemDraft.mail().from(new Address(user.fullName(), user.email())).read(true)
                .property(PropValue.of(OutOfOfficeReply.headerTag(names, "Auto-Submitted"),
                        "auto-generated; koppel-hops=" + (hops + 1)));
        to.forEach(a -> draft.to(a, a));
        List<AttachmentContent> attachments;
        if (f.asAttachment()) {
            draft.subject("FW: " + subject).body("");
            attachments = List.of(new AttachmentContent.Embedded(List.of(
                    PropValue.of(PropTags.PR_ATTACH_METHOD, AttachMethod.ATTACH_EMBEDDED_MSG.code()),
                    PropValue.of(PropTags.PR_DISPLAY_NAME, subject.isEmpty() ? "Forwarded message" : subject)),
                    original));
        } else if (f.redirect()) {
            // The spooler lets a user send only as themselves, so a redirect keeps the content, not the sender.
            draft.subject(subject).body(body);
            attachments = visible(original);
        } else {
            String from = OutOfOfficeReply.string(original, PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS).orElse("");
            draft.subject("FW: " + subject).body("---------- Forwarded message ----------\r\nFrom: " + from
                    + "\r\nSubject: " + subject + "\r\n\r\n" + body);
            attachments = visible(original);
        }
        MessageContent c = draft.content();
        submit(s, store, new MessageContent(c.properties(), c.recipients(), attachments, false));
        LOG.info("Rule forward from {} to {} queued", user.login(), String.join(", ", to));
        return Optional.empty();
    }

    /** Answers the envelope sender with the template, unless the message must not be answered automatically. */
    boolean reply(Session s, StoreInfo store, UserInfo user, MessageContent original, RuleAction.Reply r,
            String sender) {
        NamedTagMap names = new StoreNamedTags(s, store.entryId());
        String to = sender == null ? "" : sender.strip();
        Optional<OutOfOfficeReply.Verdict> refused = OutOfOfficeReply.screen(user, original, names, to);
        if (refused.isPresent()) {
            LOG.debug("No rule reply from {} to <{}>: {}", user.login(), to, refused.get());
            return false;
        }
        Rules.ReplyTemplate template = Rules.of(s, store).template(r);
        String subject = OutOfOfficeReply.string(original, PropTags.PR_SUBJECT).orElse("");
        ItemDraft reply = ItemDraft.mail()
                .subject(template.subject().isEmpty() ? "RE: " + subject : template.subject())
                .body(template.body())
                .from(new Address(user.fullName(), user.email()))
                .to(to, to)
                .read(true)
                .property(PropValue.of(OutOfOfficeReply.headerTag(names, "Auto-Submitted"), "auto-replied"))
                .property(PropValue.of(OutOfOfficeReply.headerTag(names, "X-Auto-Response-Suppress"), "All"));
        OutOfOfficeReply.string(original, PropTags.PR_INTERNET_MESSAGE_ID)
                .ifPresent(id -> reply.property(PropValue.of(PropTags.PR_IN_REPLY_TO_ID, id)));
        submit(s, store, reply.content());
        LOG.info("Rule reply from {} to <{}> queued", user.login(), to);
        return true;
    }

    /** The attachments the sender sent, without the hidden original.eml the converter keeps. */
    private static List<AttachmentContent> visible(MessageContent m) {
        return m.attachments().stream().filter(a -> a.properties().stream().noneMatch(p ->
                p.tag().equals(PropTags.PR_ATTACHMENT_HIDDEN) && Boolean.TRUE.equals(p.javaValue()))).toList();
    }

    private static void submit(Session s, StoreInfo store, MessageContent content) {
        EntryId saved = s.messages().create(store.folder(WellKnownFolder.OUTBOX), content);
        s.messages().submit(saved);
    }
}
