package org.koppel.eas.email;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.backend.Body;
import org.koppel.backend.BodyType;
import org.koppel.backend.EmailAddress;
import org.koppel.backend.EmailAttachment;
import org.koppel.backend.EmailItem;
import org.koppel.backend.EmailUpdate;
import org.koppel.backend.Flag;
import org.koppel.backend.Importance;
import org.koppel.backend.LastVerb;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.sync.ApplicationDataDecoder;
import org.koppel.eas.wbxml.WbxmlException;
import org.koppel.eas.wbxml.WbxmlReader;

/**
 * The Email-class elements of one airsync:ApplicationData as read, before anyone decides what
 * they are: the Sync decoder cannot tell an Add from a Change, so the handler converts them with
 * {@link #toUpdate()} (a Change: Read, Flag, Categories), {@link #toDraft()} (a 16.x draft Add) or,
 * in a test client reading a server's response, {@link #toItem()}.
 *
 * <p>Reading is strict about structure (broken WBXML, text where elements belong, repeated
 * elements, numbers and dates that do not parse are {@link DecodeException}s, a protocol error
 * for the whole request). What is well-formed but not convertible is collected instead, so the
 * handler can answer that one item with status 6: elements outside the Email class, and the flag
 * rules for which MS-ASEMAIL prescribes status 6. Elements of the class that the content model
 * has no field for (ThreadTopic, Sender, ReceivedAsBcc, NativeBodyType, IsDraft, ...) are read and
 * dropped; {@link #elements} still names them, so a Change carrying them is refused.
 *
 * @param elements the names ({@code "Page:Name"}) of every child element ApplicationData held
 * @param problems why the content cannot be converted, one line each; empty when it can
 */
public record EmailFields(
        Optional<List<EmailAddress>> to,
        Optional<List<EmailAddress>> cc,
        Optional<List<EmailAddress>> bcc,
        Optional<EmailAddress> from,
        Optional<List<EmailAddress>> replyTo,
        Optional<String> subject,
        Optional<Instant> dateReceived,
        Optional<String> displayTo,
        Optional<Importance> importance,
        Optional<Boolean> read,
        Optional<String> messageClass,
        Optional<Integer> internetCpid,
        Optional<String> contentClass,
        Optional<Flag> flag,
        Optional<List<String>> categories,
        Optional<byte[]> conversationId,
        Optional<byte[]> conversationIndex,
        Optional<LastVerb> lastVerbExecuted,
        Optional<Instant> lastVerbExecutionTime,
        Optional<List<EmailAttachment>> attachments,
        Optional<Body> body,
        Set<String> elements,
        List<String> problems) {

    /** The longest body text taken from a client, in characters (the reader bounds bytes too). */
    static final int MAX_BODY = 16 * 1024 * 1024;
    static final int MAX_TEXT = 32 * 1024;
    static final int MAX_CATEGORIES = 300;
    static final int MAX_ATTACHMENTS = 1000;
    /** A ConversationIndex grows by 5 bytes per reply; 4 KiB is a very long thread. */
    static final int MAX_OPAQUE = 4096;

    private static final Set<String> CHANGEABLE = Set.of("Email:Read", "Email:Flag", "Email:Categories");
    private static final Set<String> DRAFT = Set.of("Email:To", "Email:Cc", "Email2:Bcc", "Email:Subject",
            "Email:Importance", "AirSyncBase:Body");

    public EmailFields {
        elements = Set.copyOf(elements);
        problems = List.copyOf(problems);
    }

    /** The decoder to hand to the Sync codec for email collections. */
    public static ApplicationDataDecoder<EmailFields> decoder() {
        return (collectionId, in) -> read(in);
    }

    /**
     * A Sync Change: only Read, Flag (empty: cleared) and Categories (empty: none) may be
     * changed by a client; absent ones are left alone, and other Email elements sent along are ignored
     * ({@link #readOnlyElements}; [MS-ASCMD] 2.2.3.24). Ghosting ([MS-ASCMD] Supported) does not
     * come in: the Email class has no elements a client may leave out to mean "deleted".
     */
    public EmailUpdate toUpdate() throws EmailConversionException {
        if (!problems.isEmpty()) {
            throw new EmailConversionException(problems);
        }
        return new EmailUpdate(read, flag, categories);
    }

    /** The Email elements sent that a client cannot change (all but Read, Flag and Categories), in no order. */
    public Set<String> readOnlyElements() {
        Set<String> out = new java.util.TreeSet<>(elements);
        out.removeAll(CHANGEABLE);
        return out;
    }

    /**
     * A draft a 16.x client adds to the Drafts folder: To, Cc, Subject, Importance and a plain-text
     * or HTML Body. Blind copies and attachments cannot be kept by the content model yet, so a
     * draft with them is refused rather than saved without them.
     */
    public EmailItem toDraft() throws EmailConversionException {
        List<String> why = new ArrayList<>(problems);
        for (String e : elements) {
            if (!DRAFT.contains(e)) {
                why.add(e + " is not taken in a draft");
            }
        }
        if (bcc.isPresent() && !bcc.get().isEmpty()) {
            why.add("Email2:Bcc: blind copies on drafts are not supported");
        }
        if (body.isPresent() && body.get().type() != BodyType.PLAIN_TEXT && body.get().type() != BodyType.HTML) {
            why.add("AirSyncBase:Body of type " + body.get().type().code() + " in a draft; plain text or HTML only");
        }
        if (!why.isEmpty()) {
            throw new EmailConversionException(why);
        }
        return EmailItem.draft(to.orElse(List.of()), cc.orElse(List.of()), subject.orElse(""),
                importance.orElse(Importance.NORMAL), body);
    }

    /**
     * The item a server sent (a test client reading Sync or Fetch responses); what the response
     * left out takes the content model's defaults.
     */
    public EmailItem toItem() throws EmailConversionException {
        if (!problems.isEmpty()) {
            throw new EmailConversionException(problems);
        }
        return new EmailItem(to.orElse(List.of()), cc.orElse(List.of()), from, replyTo.orElse(List.of()),
                subject.orElse(""), dateReceived, displayTo.orElse(""), importance.orElse(Importance.NORMAL),
                read.orElse(false), messageClass.orElse("IPM.Note"), internetCpid.orElse(65001),
                contentClass.orElse(EmailItem.CONTENT_CLASS_MESSAGE),
                flag.filter(f -> f.status() != Flag.Status.CLEARED), categories.orElse(List.of()), conversationId,
                conversationIndex, lastVerbExecuted, lastVerbExecutionTime, attachments.orElse(List.of()), body,
                Optional.empty());
    }

    /** Reads from the START_TAG of ApplicationData up to and including its END_TAG. */
    static EmailFields read(ElementReader in) throws DecodeException, IOException {
        Reading r = new Reading();
        Set<String> seen = new LinkedHashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            String name = in.name();
            switch (name) {
                case "Email:To" -> r.to = r.addresses(in);
                case "Email:Cc" -> r.cc = r.addresses(in);
                case "Email2:Bcc" -> r.bcc = r.addresses(in);
                case "Email:ReplyTo" -> r.replyTo = r.addresses(in);
                case "Email:From" -> r.from = r.addresses(in).flatMap(list -> {
                    if (list.size() != 1) {
                        r.problems.add("Email:From must name one mailbox");
                        return Optional.empty();
                    }
                    return Optional.of(list.get(0));
                });
                case "Email:Subject" -> r.subject = Optional.of(in.text(MAX_TEXT));
                case "Email:DateReceived" -> r.dateReceived = Optional.of(EasDateTime.read(in));
                case "Email:DisplayTo" -> r.displayTo = Optional.of(in.text(MAX_TEXT));
                case "Email:Importance" -> r.importance = Optional.of(Importance.fromCode(in.integer(0, 2)));
                case "Email:Read" -> r.read = Optional.of(in.bool());
                case "Email:MessageClass" -> r.messageClass = Optional.of(in.text(ElementReader.MAX_TOKEN));
                case "Email:InternetCPID" -> r.internetCpid = Optional.of(in.integer(0, Integer.MAX_VALUE));
                case "Email:ContentClass" -> r.contentClass = Optional.of(in.text(ElementReader.MAX_TOKEN));
                case "Email:Flag" -> r.flag = r.flag(in);
                case "Email:Categories" -> r.categories = Optional.of(categories(in));
                case "Email2:ConversationId" -> r.conversationId = Optional.of(opaque(in));
                case "Email2:ConversationIndex" -> r.conversationIndex = Optional.of(opaque(in));
                case "Email2:LastVerbExecuted" -> r.lastVerb = Optional.of(LastVerb.values()[in.integer(0, 3)]);
                case "Email2:LastVerbExecutionTime" -> r.lastVerbTime = Optional.of(EasDateTime.read(in));
                case "AirSyncBase:Attachments" -> r.attachments = Optional.of(r.attachments(in));
                case "AirSyncBase:Body" -> r.body = Optional.of(body(in));
                // In the class, but the content model has nowhere to keep them.
                case "Email:ThreadTopic", "Email2:Sender" -> in.text(MAX_TEXT);
                case "Email2:ReceivedAsBcc", "Email2:IsDraft", "Email2:Send" -> in.bool();
                case "AirSyncBase:NativeBodyType" -> in.integer(1, 4);
                default -> {
                    r.problems.add(name + " is not an element of the Email class that Koppel takes");
                    skip(in);
                }
            }
        }
        return new EmailFields(r.to, r.cc, r.bcc, r.from, r.replyTo, r.subject, r.dateReceived, r.displayTo,
                r.importance, r.read, r.messageClass, r.internetCpid, r.contentClass, r.flag, r.categories,
                r.conversationId, r.conversationIndex, r.lastVerb, r.lastVerbTime, r.attachments, r.body, seen,
                r.problems);
    }

    /** The values read so far; one per decode, never shared. */
    private static final class Reading {
        final List<String> problems = new ArrayList<>();
        Optional<List<EmailAddress>> to = Optional.empty();
        Optional<List<EmailAddress>> cc = Optional.empty();
        Optional<List<EmailAddress>> bcc = Optional.empty();
        Optional<List<EmailAddress>> replyTo = Optional.empty();
        Optional<EmailAddress> from = Optional.empty();
        Optional<String> subject = Optional.empty();
        Optional<Instant> dateReceived = Optional.empty();
        Optional<String> displayTo = Optional.empty();
        Optional<Importance> importance = Optional.empty();
        Optional<Boolean> read = Optional.empty();
        Optional<String> messageClass = Optional.empty();
        Optional<Integer> internetCpid = Optional.empty();
        Optional<String> contentClass = Optional.empty();
        Optional<Flag> flag = Optional.empty();
        Optional<List<String>> categories = Optional.empty();
        Optional<byte[]> conversationId = Optional.empty();
        Optional<byte[]> conversationIndex = Optional.empty();
        Optional<LastVerb> lastVerb = Optional.empty();
        Optional<Instant> lastVerbTime = Optional.empty();
        Optional<List<EmailAttachment>> attachments = Optional.empty();
        Optional<Body> body = Optional.empty();

        Optional<List<EmailAddress>> addresses(ElementReader in) throws DecodeException, IOException {
            String name = in.name();
            Optional<List<EmailAddress>> list = AddressList.parse(in.text(MAX_TEXT));
            if (list.isEmpty()) {
                problems.add(name + " is not a list of mailboxes");
            }
            return list;
        }

        /**
         * The rules of MS-ASEMAIL 2.2.2.34 and 3.2.5.4.2: an empty Flag or Status 0 clears it;
         * otherwise Status 1 or 2, the four start/due dates all or none with start not after due,
         * and a completed flag needs its completion time. Breaking them is status 6.
         */
        Optional<Flag> flag(ElementReader in) throws DecodeException, IOException {
            Set<String> seen = new HashSet<>();
            Optional<Long> status = Optional.empty();
            String flagType = "";
            Optional<Instant> start = Optional.empty();
            Optional<Instant> due = Optional.empty();
            Optional<Instant> utcStart = Optional.empty();
            Optional<Instant> utcDue = Optional.empty();
            Optional<Instant> completeTime = Optional.empty();
            Optional<Instant> dateCompleted = Optional.empty();
            boolean reminderSet = false;
            Optional<Instant> reminderTime = Optional.empty();
            while (in.nextChild()) {
                in.once(seen);
                switch (in.name()) {
                    case "Email:FlagStatus" -> status = Optional.of(in.integer(Long.MIN_VALUE, Long.MAX_VALUE));
                    case "Email:FlagType" -> flagType = in.text(ElementReader.MAX_TOKEN);
                    case "Email:CompleteTime" -> completeTime = Optional.of(EasDateTime.read(in));
                    case "Tasks:DateCompleted" -> dateCompleted = Optional.of(EasDateTime.read(in));
                    case "Tasks:StartDate" -> start = Optional.of(EasDateTime.read(in));
                    case "Tasks:DueDate" -> due = Optional.of(EasDateTime.read(in));
                    case "Tasks:UtcStartDate" -> utcStart = Optional.of(EasDateTime.read(in));
                    case "Tasks:UtcDueDate" -> utcDue = Optional.of(EasDateTime.read(in));
                    case "Tasks:ReminderSet" -> reminderSet = in.bool();
                    case "Tasks:ReminderTime" -> reminderTime = Optional.of(EasDateTime.read(in));
                    // Sent by clients that flag as tasks; the flag model keeps neither the task's
                    // subject nor its sort keys, and refusing them would refuse those clients' flags.
                    case "Tasks:Subject", "Tasks:SubOrdinalDate" -> in.text(MAX_TEXT);
                    case "Tasks:OrdinalDate" -> EasDateTime.read(in);
                    default -> {
                        problems.add(in.name() + " is not an element of Flag");
                        skip(in);
                    }
                }
            }
            if (seen.isEmpty() || status.equals(Optional.of(0L))) {
                return Optional.of(Flag.cleared());
            }
            if (status.isEmpty()) {
                problems.add("Email:Flag without a Status");
                return Optional.empty();
            }
            long code = status.get();
            if (code != 1 && code != 2) {
                problems.add("Email:Flag Status " + code + " is not 0, 1 or 2");
                return Optional.empty();
            }
            int dates = (start.isPresent() ? 1 : 0) + (due.isPresent() ? 1 : 0) + (utcStart.isPresent() ? 1 : 0)
                    + (utcDue.isPresent() ? 1 : 0);
            if (dates != 0 && dates != 4) {
                problems.add("Email:Flag needs StartDate, DueDate, UtcStartDate and UtcDueDate together");
                return Optional.empty();
            }
            if (dates == 4 && (utcStart.get().isAfter(utcDue.get()) || start.get().isAfter(due.get()))) {
                problems.add("Email:Flag starts after it is due");
                return Optional.empty();
            }
            Optional<Instant> completed = completeTime.isPresent() ? completeTime : dateCompleted;
            if (code == 1 && completed.isEmpty()) {
                problems.add("Email:Flag marked complete without CompleteTime");
                return Optional.empty();
            }
            return Optional.of(new Flag(code == 1 ? Flag.Status.COMPLETE : Flag.Status.ACTIVE, flagType, utcStart,
                    utcDue, completed, reminderSet, reminderTime));
        }

        List<EmailAttachment> attachments(ElementReader in) throws DecodeException, IOException {
            List<EmailAttachment> list = new ArrayList<>();
            while (in.nextChild()) {
                if (!in.name().equals("AirSyncBase:Attachment")) {
                    // 16.x drafts add and delete attachments here (Add, Delete); not taken yet.
                    problems.add("AirSyncBase:Attachments/" + in.name() + " is not taken");
                    skip(in);
                    continue;
                }
                if (list.size() == MAX_ATTACHMENTS) {
                    throw in.invalid("more than " + MAX_ATTACHMENTS + " attachments");
                }
                list.add(attachment(in));
            }
            return list;
        }
    }

    private static EmailAttachment attachment(ElementReader in) throws DecodeException, IOException {
        Set<String> seen = new HashSet<>();
        String displayName = null;
        String fileReference = null;
        int method = 1;
        long size = 0;
        Optional<String> contentId = Optional.empty();
        Optional<String> contentLocation = Optional.empty();
        boolean inline = false;
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "AirSyncBase:DisplayName" -> displayName = in.text(MAX_TEXT);
                case "AirSyncBase:FileReference" -> fileReference = in.requiredText(MAX_TEXT);
                case "AirSyncBase:Method" -> method = in.integer(1, 6);
                case "AirSyncBase:EstimatedDataSize" -> size = in.integer(0L, Long.MAX_VALUE);
                case "AirSyncBase:ContentId" -> contentId = Optional.of(in.text(MAX_TEXT));
                case "AirSyncBase:ContentLocation" -> contentLocation = Optional.of(in.text(MAX_TEXT));
                case "AirSyncBase:IsInline" -> inline = in.bool();
                default -> throw in.unexpected();
            }
        }
        if (fileReference == null) {
            throw in.missing("AirSyncBase:FileReference", "Attachment");
        }
        return new EmailAttachment(displayName == null ? "" : displayName, fileReference, method, size, contentId,
                contentLocation, inline);
    }

    private static Body body(ElementReader in) throws DecodeException, IOException {
        Set<String> seen = new HashSet<>();
        BodyType type = null;
        long size = -1;
        boolean truncated = false;
        Optional<Body.BodyData> data = Optional.empty();
        Optional<String> preview = Optional.empty();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "AirSyncBase:Type" -> type = BodyType.fromCode(in.integer(1, 4));
                case "AirSyncBase:EstimatedDataSize" -> size = in.integer(0L, Long.MAX_VALUE);
                case "AirSyncBase:Truncated" -> truncated = in.bool();
                case "AirSyncBase:Data" -> data = Optional.of(new Body.Text(in.text(MAX_BODY)));
                case "AirSyncBase:Preview" -> preview = Optional.of(in.text(1024));
                default -> throw in.unexpected();
            }
        }
        if (type == null) {
            throw in.missing("AirSyncBase:Type", "Body");
        }
        if (size < 0) {
            // A client's body (a draft) comes without a size: it is all there.
            size = data.map(d -> (long) ((Body.Text) d).text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .orElse(0L);
        }
        return new Body(type, size, truncated, data, preview);
    }

    private static List<String> categories(ElementReader in) throws DecodeException, IOException {
        List<String> list = new ArrayList<>();
        while (in.nextChild()) {
            if (!in.name().equals("Email:Category")) {
                throw in.unexpected();
            }
            if (list.size() == MAX_CATEGORIES) {
                throw in.invalid("more than " + MAX_CATEGORIES + " categories");
            }
            list.add(in.requiredText(ElementReader.MAX_TOKEN));
        }
        return list;
    }

    /** Opaque content (possibly none) of the current element, up to its END_TAG. */
    private static byte[] opaque(ElementReader in) throws DecodeException, IOException {
        String name = in.name();
        WbxmlReader raw = in.raw();
        try {
            if (in.isEmptyElement()) {
                raw.next();
                return new byte[0];
            }
            WbxmlReader.Event e = raw.next();
            if (e == WbxmlReader.Event.END_TAG) {
                return new byte[0];
            }
            if (e != WbxmlReader.Event.OPAQUE) {
                throw new DecodeException(DecodeException.Reason.UNEXPECTED, name + " must hold opaque data",
                        raw.offset());
            }
            if (raw.opaqueLength() > MAX_OPAQUE) {
                throw new DecodeException(DecodeException.Reason.BAD_VALUE, name + " longer than " + MAX_OPAQUE
                        + " bytes", raw.offset());
            }
            byte[] bytes = raw.opaqueBytes();
            if (raw.next() != WbxmlReader.Event.END_TAG) {
                throw new DecodeException(DecodeException.Reason.UNEXPECTED, name + " must hold opaque data only",
                        raw.offset());
            }
            return bytes;
        } catch (WbxmlException x) {
            throw new DecodeException(DecodeException.Reason.MALFORMED, x.getMessage(), x.offset(), x);
        }
    }

    private static void skip(ElementReader in) throws DecodeException, IOException {
        try {
            in.raw().skipElement();
        } catch (WbxmlException x) {
            throw new DecodeException(DecodeException.Reason.MALFORMED, x.getMessage(), x.offset(), x);
        }
    }
}
