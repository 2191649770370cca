package org.koppel.gateway.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;

/**
 * Where IMAP flags live in MAPI, both ways: \Seen is the read flag; \Answered, \Deleted and \Draft are
 * PR_MSG_STATUS bits (as Outlook's own IMAP provider keeps them), \Answered and $Forwarded also follow
 * PR_LAST_VERB_EXECUTED so replies sent from a phone show in IMAP and the other way round; \Flagged is
 * PR_FLAG_STATUS ([MS-OXOFLAG]); keywords are the categories (PS_PUBLIC_STRINGS Keywords).
 */
public final class FlagProperties {

    static final int MSGSTATUS_DELMARKED = 0x0008;
    static final int MSGSTATUS_DRAFT = 0x0100;
    static final int MSGSTATUS_ANSWERED = 0x0200;
    static final int VERB_REPLY_TO_SENDER = 102;
    static final int VERB_REPLY_TO_ALL = 103;
    static final int VERB_FORWARD = 104;
    static final int FLAG_STATUS_FLAGGED = 2;

    private final PropTag keywords;

    public FlagProperties(NamedTagMap names) {
        this.keywords = names.resolve(NamedTags.KEYWORDS);
    }

    /** The columns an export needs for {@link #read}. */
    public List<PropTag> columns() {
        return List.of(PropTags.PR_MESSAGE_FLAGS, PropTags.PR_MSG_STATUS, PropTags.PR_FLAG_STATUS,
                PropTags.PR_LAST_VERB_EXECUTED, keywords);
    }

    /** The raw MAPI values behind a message's flags, kept so a change writes back only what it must. */
    public record Raw(boolean read, int messageFlags, int msgStatus, int flagStatus, int lastVerb,
            List<String> categories) {
        public Raw {
            categories = List.copyOf(categories);
        }
    }

    public Raw raw(boolean read, List<PropValue> properties) {
        int messageFlags = 0;
        int msgStatus = 0;
        int flagStatus = 0;
        int lastVerb = 0;
        List<String> categories = List.of();
        for (PropValue v : properties) {
            PropTag t = v.tag();
            if (t.equals(PropTags.PR_MESSAGE_FLAGS)) {
                messageFlags = (Integer) v.javaValue();
            } else if (t.equals(PropTags.PR_MSG_STATUS)) {
                msgStatus = (Integer) v.javaValue();
            } else if (t.equals(PropTags.PR_FLAG_STATUS)) {
                flagStatus = (Integer) v.javaValue();
            } else if (t.equals(PropTags.PR_LAST_VERB_EXECUTED)) {
                lastVerb = (Integer) v.javaValue();
            } else if (t.equals(keywords) && v.javaValue() instanceof List<?> l) {
                categories = l.stream().map(String::valueOf).toList();
            }
        }
        return new Raw(read, messageFlags, msgStatus, flagStatus, lastVerb, categories);
    }

    public static Flags flags(Raw r) {
        boolean answered = (r.msgStatus() & MSGSTATUS_ANSWERED) != 0 || r.lastVerb() == VERB_REPLY_TO_SENDER
                || r.lastVerb() == VERB_REPLY_TO_ALL;
        boolean draft = (r.msgStatus() & MSGSTATUS_DRAFT) != 0
                || (r.messageFlags() & MessageFlags.MSGFLAG_UNSENT.value()) != 0;
        return new Flags(r.read(), answered, r.flagStatus() == FLAG_STATUS_FLAGGED,
                (r.msgStatus() & MSGSTATUS_DELMARKED) != 0, draft, r.lastVerb() == VERB_FORWARD,
                Set.copyOf(r.categories().stream().filter(Flags::isKeyword).toList()));
    }

    /**
     * What to write so a message with {@code now} gets {@code wanted}: properties to set and to remove, and
     * the read flag when it changes. Categories that are not IMAP atoms (Outlook's "Red Category") are kept.
     */
    public Update update(Raw now, Flags wanted) {
        Flags current = flags(now);
        List<PropValue> set = new ArrayList<>();
        List<PropTag> remove = new ArrayList<>();
        int status = now.msgStatus();
        status = wanted.answered() ? status | MSGSTATUS_ANSWERED : status & ~MSGSTATUS_ANSWERED;
        status = wanted.deleted() ? status | MSGSTATUS_DELMARKED : status & ~MSGSTATUS_DELMARKED;
        status = wanted.draft() ? status | MSGSTATUS_DRAFT : status & ~MSGSTATUS_DRAFT;
        if (status != now.msgStatus()) {
            set.add(PropValue.of(PropTags.PR_MSG_STATUS, status));
        }
        if (wanted.flagged() != current.flagged()) {
            if (wanted.flagged()) {
                set.add(PropValue.of(PropTags.PR_FLAG_STATUS, FLAG_STATUS_FLAGGED));
            } else {
                remove.add(PropTags.PR_FLAG_STATUS);
            }
        }
        if (wanted.answered() != current.answered() || wanted.forwarded() != current.forwarded()) {
            // One verb holds one of the two; \Answered is also the PR_MSG_STATUS bit set above, so $Forwarded
            // takes the verb when both are wanted and neither is lost.
            int verb = wanted.forwarded() ? VERB_FORWARD : wanted.answered() ? VERB_REPLY_TO_SENDER : 0;
            if (verb == 0) {
                remove.add(PropTags.PR_LAST_VERB_EXECUTED);
            } else {
                set.add(PropValue.of(PropTags.PR_LAST_VERB_EXECUTED, verb));
            }
        }
        if (!wanted.keywords().equals(current.keywords())) {
            List<String> categories = new ArrayList<>(now.categories().stream()
                    .filter(c -> !Flags.isKeyword(c)).toList());
            categories.addAll(wanted.keywords());
            if (categories.isEmpty()) {
                remove.add(keywords);
            } else {
                set.add(PropValue.of(keywords, categories));
            }
        }
        Optional<Boolean> read = wanted.seen() == current.seen() ? Optional.empty() : Optional.of(wanted.seen());
        return new Update(set, remove, read);
    }

    /** The writes {@link #update} found necessary; empty when nothing changes. */
    public record Update(List<PropValue> set, List<PropTag> remove, Optional<Boolean> read) {
        public Update {
            set = List.copyOf(set);
            remove = List.copyOf(remove);
        }

        public boolean isEmpty() {
            return set.isEmpty() && remove.isEmpty() && read.isEmpty();
        }
    }

    /** The properties a new (appended) message gets for its flags. */
    public List<PropValue> initial(Flags f) {
        Update u = update(new Raw(false, 0, 0, 0, 0, List.of()), f);
        List<PropValue> out = new ArrayList<>(u.set());
        return out;
    }
}
