package org.koppel.store.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableRow;
import org.koppel.store.client.WellKnownFolder;

/**
 * Where a user's out-of-office lives: a hidden (associated) message of class {@value #MESSAGE_CLASS} in the
 * root folder of the user's store, holding the settings in Kopano's PR_EC_OUTOFOFFICE* properties and the
 * senders already answered. Kopano keeps the settings on the store object, which the session API cannot
 * write; an associated message needs no schema change and lets the window's ends be removed. Works through
 * the session API only, so the delivery agent and {@code koppel admin oof} (over SOAP) share it.
 */
public final class OutOfOfficeMessage {

    public static final String MESSAGE_CLASS = "IPM.Koppel.OutOfOffice";

    /** Kopano's property ids, kept so the names mean the same thing here. */
    static final PropTag PR_EC_OUTOFOFFICE = new PropTag(0x6760, PropType.PT_BOOLEAN);
    static final PropTag PR_EC_OUTOFOFFICE_MSG = new PropTag(0x6761, PropType.PT_UNICODE);
    static final PropTag PR_EC_OUTOFOFFICE_SUBJECT = new PropTag(0x6762, PropType.PT_UNICODE);
    static final PropTag PR_EC_OUTOFOFFICE_FROM = new PropTag(0x6763, PropType.PT_SYSTIME);
    static final PropTag PR_EC_OUTOFOFFICE_UNTIL = new PropTag(0x6764, PropType.PT_SYSTIME);
    /** Koppel's own: "epoch-seconds address" per sender answered, oldest first. */
    static final PropTag PR_KOPPEL_OUTOFOFFICE_REPLIED = new PropTag(0x6765, PropType.PT_MV_UNICODE);
    /** Koppel's own: whether senders inside the organisation are answered (absent: yes). */
    static final PropTag PR_KOPPEL_OUTOFOFFICE_INTERNAL = new PropTag(0x6766, PropType.PT_BOOLEAN);
    /** Koppel's own: which outside senders are answered, 0 none, 1 known, 2 all (absent: all). */
    static final PropTag PR_KOPPEL_OUTOFOFFICE_EXTERNAL = new PropTag(0x6767, PropType.PT_LONG);
    /** Koppel's own: the text for outside senders (absent or empty: the same as for inside ones). */
    static final PropTag PR_KOPPEL_OUTOFOFFICE_EXTERNAL_MSG = new PropTag(0x6768, PropType.PT_UNICODE);

    /** Senders remembered per user; past this the oldest are forgotten. */
    public static final int MAX_REMEMBERED = 1000;

    private final Session session;
    private final EntryId root;

    private OutOfOfficeMessage(Session session, EntryId root) {
        this.session = session;
        this.root = root;
    }

    /** The out-of-office of a user's store (the session needs to be able to write its root folder). */
    public static OutOfOfficeMessage of(Session session, StoreInfo store) {
        return new OutOfOfficeMessage(session, store.folder(WellKnownFolder.ROOT));
    }

    /** The settings; {@link OutOfOffice#off()} when none were ever written. */
    public OutOfOffice read() {
        return find().map(OutOfOfficeMessage::settings).orElse(OutOfOffice.off());
    }

    /** Replaces the settings; the senders already answered are kept. */
    public void write(OutOfOffice oof) {
        List<PropValue> set = new ArrayList<>(List.of(PropValue.of(PR_EC_OUTOFOFFICE, oof.enabled()),
                PropValue.of(PR_EC_OUTOFOFFICE_SUBJECT, oof.subject()), PropValue.of(PR_EC_OUTOFOFFICE_MSG, oof.text()),
                PropValue.of(PR_KOPPEL_OUTOFOFFICE_INTERNAL, oof.internal()),
                PropValue.of(PR_KOPPEL_OUTOFOFFICE_EXTERNAL, oof.external().ordinal()),
                PropValue.of(PR_KOPPEL_OUTOFOFFICE_EXTERNAL_MSG, oof.externalText())));
        List<PropTag> remove = new ArrayList<>();
        oof.from().ifPresentOrElse(f -> set.add(PropValue.of(PR_EC_OUTOFOFFICE_FROM, f)),
                () -> remove.add(PR_EC_OUTOFOFFICE_FROM));
        oof.until().ifPresentOrElse(u -> set.add(PropValue.of(PR_EC_OUTOFOFFICE_UNTIL, u)),
                () -> remove.add(PR_EC_OUTOFOFFICE_UNTIL));
        Optional<MessageData> existing = find();
        if (existing.isPresent()) {
            session.messages().update(existing.get().entryId(), set, remove);
        } else {
            set.add(PropValue.of(PropTags.PR_MESSAGE_CLASS, MESSAGE_CLASS));
            set.add(PropValue.of(PropTags.PR_SUBJECT, "Out of office"));
            session.messages().create(root, new MessageContent(set, List.of(), List.of(), true));
        }
    }

    /**
     * Whether {@code sender} may be answered now, and if so, remembers that it was: false when it was
     * answered less than {@code period} ago. Addresses compare case-insensitively. Two deliveries racing for
     * the same sender may both answer; that is rare and harmless next to answering a loop.
     */
    public boolean claimReply(String sender, Instant now, Duration period) {
        Optional<MessageData> found = find();
        if (found.isEmpty()) {
            return false; // no settings: nothing to answer with
        }
        String address = sender.strip().toLowerCase(Locale.ROOT);
        List<String> kept = new ArrayList<>();
        for (String entry : replied(found.get())) {
            int space = entry.indexOf(' ');
            if (space < 1) {
                continue;
            }
            long at;
            try {
                at = Long.parseLong(entry.substring(0, space));
            } catch (NumberFormatException e) {
                continue;
            }
            if (entry.substring(space + 1).equals(address)) {
                if (Instant.ofEpochSecond(at).plus(period).isAfter(now)) {
                    return false;
                }
                continue; // answered long ago: forget it, it is added again below
            }
            kept.add(entry);
        }
        kept.add(now.getEpochSecond() + " " + address);
        Iterator<String> oldest = kept.iterator();
        for (int drop = kept.size() - MAX_REMEMBERED; drop > 0; drop--) {
            oldest.next();
            oldest.remove();
        }
        session.messages().update(found.get().entryId(), List.of(PropValue.of(PR_KOPPEL_OUTOFOFFICE_REPLIED, kept)),
                List.of());
        return true;
    }

    /** The senders answered, oldest first, as "epoch-seconds address". */
    public List<String> replied() {
        return find().map(OutOfOfficeMessage::replied).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> replied(MessageData m) {
        return m.property(PR_KOPPEL_OUTOFOFFICE_REPLIED).map(v -> (List<String>) v.javaValue()).orElse(List.of());
    }

    private static OutOfOffice settings(MessageData m) {
        return new OutOfOffice(m.property(PR_EC_OUTOFOFFICE).map(v -> Boolean.TRUE.equals(v.javaValue())).orElse(false),
                m.property(PR_EC_OUTOFOFFICE_SUBJECT).map(v -> (String) v.javaValue()).orElse(""),
                m.property(PR_EC_OUTOFOFFICE_MSG).map(v -> (String) v.javaValue()).orElse(""),
                m.property(PR_EC_OUTOFOFFICE_FROM).map(v -> (Instant) v.javaValue()),
                m.property(PR_EC_OUTOFOFFICE_UNTIL).map(v -> (Instant) v.javaValue()),
                m.property(PR_KOPPEL_OUTOFOFFICE_INTERNAL).map(v -> !Boolean.FALSE.equals(v.javaValue())).orElse(true),
                m.property(PR_KOPPEL_OUTOFOFFICE_EXTERNAL).map(v -> audience(v.javaValue()))
                        .orElse(OutOfOffice.ExternalAudience.ALL),
                m.property(PR_KOPPEL_OUTOFOFFICE_EXTERNAL_MSG).map(v -> (String) v.javaValue()).orElse(""));
    }

    private static OutOfOffice.ExternalAudience audience(Object stored) {
        OutOfOffice.ExternalAudience[] all = OutOfOffice.ExternalAudience.values();
        return stored instanceof Integer i && i >= 0 && i < all.length ? all[i] : OutOfOffice.ExternalAudience.ALL;
    }

    private Optional<MessageData> find() {
        List<TableRow> rows = session.contents().query(root, new TableQuery(List.of(PropTags.PR_ENTRYID),
                Optional.of(Restriction.eq(PropTags.PR_MESSAGE_CLASS, MESSAGE_CLASS)), SortOrderSet.none(), 0, 1, true))
                .rows();
        return rows.isEmpty() ? Optional.empty() : Optional.of(session.messages().load(rows.get(0).entryId()));
    }
}
