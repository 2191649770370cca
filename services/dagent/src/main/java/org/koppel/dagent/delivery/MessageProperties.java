package org.koppel.dagent.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySource;
import org.koppel.mapi.RecipientType;
import org.koppel.mapi.SubObject;
import org.koppel.store.api.RuleCondition;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.UserInfo;

/**
 * A message being delivered as rule conditions see it: its converted properties plus those the store would
 * compute on save (PR_MESSAGE_SIZE as received, PR_HASATTACH, PR_DISPLAY_TO / _CC) and those that depend on
 * the recipient (PR_MESSAGE_TO_ME, PR_MESSAGE_CC_ME, PR_MESSAGE_RECIP_ME), with its recipients and attachments
 * as sub-objects.
 */
final class MessageProperties implements PropertySource {

    static final PropTag PR_MESSAGE_CC_ME = PropTag.of(0x0058, org.koppel.mapi.PropType.PT_BOOLEAN);
    static final PropTag PR_MESSAGE_RECIP_ME = PropTag.of(0x0059, org.koppel.mapi.PropType.PT_BOOLEAN);

    private final Map<PropTag, PropValue> props = new HashMap<>();
    private final List<PropertySource> recipients = new ArrayList<>();
    private final List<PropertySource> attachments = new ArrayList<>();

    MessageProperties(MessageContent m, long size, UserInfo user) {
        for (PropValue p : m.properties()) {
            props.put(p.tag(), p);
        }
        boolean toMe = false;
        boolean ccMe = false;
        List<String> to = new ArrayList<>();
        List<String> cc = new ArrayList<>();
        for (Recipient r : m.recipients()) {
            boolean me = user != null && (r.email().equalsIgnoreCase(user.email())
                    || user.aliases().stream().anyMatch(r.email()::equalsIgnoreCase));
            String shown = r.displayName().isEmpty() ? r.email() : r.displayName();
            if (r.type() == RecipientType.MAPI_TO) {
                toMe |= me;
                to.add(shown);
            } else if (r.type() == RecipientType.MAPI_CC) {
                ccMe |= me;
                cc.add(shown);
            }
            recipients.add(recipient(r));
        }
        for (var a : m.attachments()) {
            Map<PropTag, PropValue> ap = new HashMap<>();
            a.properties().forEach(p -> ap.put(p.tag(), p));
            attachments.add(tag -> Optional.ofNullable(ap.get(tag)));
        }
        computed(PropValue.of(PropTags.PR_MESSAGE_SIZE, (int) Math.min(size, Integer.MAX_VALUE)));
        // The hidden original.eml the converter keeps is not an attachment the sender sent.
        boolean visible = m.attachments().stream().anyMatch(a -> a.properties().stream().noneMatch(p ->
                p.tag().equals(PropTags.PR_ATTACHMENT_HIDDEN) && Boolean.TRUE.equals(p.javaValue())));
        computed(PropValue.of(PropTags.PR_HASATTACH, visible));
        computed(PropValue.of(PropTags.PR_DISPLAY_TO, String.join("; ", to)));
        computed(PropValue.of(RuleCondition.PR_DISPLAY_CC, String.join("; ", cc)));
        props.put(PropTags.PR_MESSAGE_TO_ME, PropValue.of(PropTags.PR_MESSAGE_TO_ME, toMe));
        props.put(PR_MESSAGE_CC_ME, PropValue.of(PR_MESSAGE_CC_ME, ccMe));
        props.put(PR_MESSAGE_RECIP_ME, PropValue.of(PR_MESSAGE_RECIP_ME, toMe || ccMe));
    }

    private void computed(PropValue v) {
        props.putIfAbsent(v.tag(), v);
    }

    private static PropertySource recipient(Recipient r) {
        Map<PropTag, PropValue> rp = new HashMap<>();
        r.properties().forEach(p -> rp.put(p.tag(), p));
        rp.putIfAbsent(PropTags.PR_DISPLAY_NAME, PropValue.of(PropTags.PR_DISPLAY_NAME, r.displayName()));
        rp.putIfAbsent(PropTags.PR_EMAIL_ADDRESS, PropValue.of(PropTags.PR_EMAIL_ADDRESS, r.email()));
        rp.putIfAbsent(PropTags.PR_SMTP_ADDRESS, PropValue.of(PropTags.PR_SMTP_ADDRESS, r.email()));
        rp.putIfAbsent(PropTags.PR_RECIPIENT_TYPE, PropValue.of(PropTags.PR_RECIPIENT_TYPE, r.type().code()));
        return tag -> Optional.ofNullable(rp.get(tag));
    }

    @Override
    public Optional<PropValue> get(PropTag tag) {
        return Optional.ofNullable(props.get(tag));
    }

    @Override
    public List<? extends PropertySource> subObjects(SubObject kind) {
        return kind == SubObject.RECIPIENTS ? recipients : attachments;
    }
}
