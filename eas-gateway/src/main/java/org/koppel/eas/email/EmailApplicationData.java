package org.koppel.eas.email;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.koppel.backend.Body;
import org.koppel.backend.EmailAddress;
import org.koppel.backend.EmailAttachment;
import org.koppel.backend.EmailItem;
import org.koppel.backend.Flag;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * Writes an {@link EmailItem} as the content of an airsync:ApplicationData (Sync Add, Change and
 * Fetch; ItemOperations Fetch uses the same elements), leaving out what the document's protocol
 * version does not have: Categories, email2 and Preview before 14.0. The body goes out in the type
 * the backend chose from the client's preferences ({@link EmailBodyPreferences}), streamed when it
 * is a stream.
 *
 * <p>Element order follows the MS-ASEMAIL examples. Text the store holds but WBXML cannot carry
 * (NUL, unpaired surrogates) is replaced with U+FFFD, so one odd message cannot break every Sync
 * of its folder.
 */
public final class EmailApplicationData {

    private EmailApplicationData() {
    }

    /** The whole item: a Sync Add, a Change that replaces it, or a Fetch. */
    public static ApplicationDataWriter of(EmailItem item) {
        return out -> write(item, out, 0);
    }

    /**
     * The whole item for a multipart ItemOperations response: the body's data is left to part {@code bodyPart}
     * of the response (itemoperations:Part in place of airsyncbase:Data, MS-ASCMD 2.2.3.130), which carries
     * {@link #bodyData}.
     */
    public static ApplicationDataWriter withBodyInPart(EmailItem item, int bodyPart) {
        if (bodyPart < 1) {
            throw new IllegalArgumentException("part 0 is the WBXML document");
        }
        return out -> write(item, out, bodyPart);
    }

    /** The bytes a body's data is: the text in UTF-8 (as a Data element would carry it) or the MIME stream. */
    public static Optional<CommandResponse.Part> bodyData(EmailItem item) {
        return item.body().flatMap(Body::data).map(d -> switch (d) {
            case Body.Text t -> CommandResponse.Part.of(clean(t.text()).getBytes(StandardCharsets.UTF_8));
            case Body.Stream s -> new CommandResponse.Part(s.length(), s.source()::open);
        });
    }

    /** A Change that carries only the read flag (the backend reported nothing else changed). */
    public static ApplicationDataWriter readChange(boolean read) {
        return out -> out.element("Email:Read", read);
    }

    private static void write(EmailItem m, ElementWriter out, int bodyPart) throws IOException {
        boolean v14 = out.atLeast(ProtocolVersion.V14_0);
        addresses(out, "Email:To", m.to());
        addresses(out, "Email:Cc", m.cc());
        if (m.from().isPresent()) {
            text(out, "Email:From", AddressList.format(m.from().get()));
        }
        text(out, "Email:Subject", m.subject());
        addresses(out, "Email:ReplyTo", m.replyTo());
        if (m.dateReceived().isPresent()) {
            out.element("Email:DateReceived", EasDateTime.format(m.dateReceived().get()));
        }
        text(out, "Email:DisplayTo", m.displayTo());
        out.element("Email:Importance", m.importance().code());
        out.element("Email:Read", m.read());
        if (!m.attachments().isEmpty()) {
            out.start("AirSyncBase:Attachments");
            for (EmailAttachment a : m.attachments()) {
                attachment(out, a);
            }
            out.end();
        }
        if (m.body().isPresent()) {
            body(out, m.body().get(), v14, bodyPart);
        }
        text(out, "Email:MessageClass", m.messageClass());
        out.element("Email:InternetCPID", m.internetCpid());
        flag(out, m.flag());
        text(out, "Email:ContentClass", m.contentClass());
        if (v14) {
            if (m.conversationId().isPresent()) {
                opaque(out, "Email2:ConversationId", m.conversationId().get());
            }
            if (m.conversationIndex().isPresent()) {
                opaque(out, "Email2:ConversationIndex", m.conversationIndex().get());
            }
            if (m.lastVerbExecuted().isPresent()) {
                out.element("Email2:LastVerbExecuted", m.lastVerbExecuted().get().code());
            }
            if (m.lastVerbExecutionTime().isPresent()) {
                out.element("Email2:LastVerbExecutionTime", EasDateTime.format(m.lastVerbExecutionTime().get()));
            }
            // Always written, empty when there are none, so a Change that replaces the item
            // also removes categories the client still shows.
            out.start("Email:Categories");
            for (String c : m.categories()) {
                out.element("Email:Category", clean(c));
            }
            out.end();
        }
    }

    private static void addresses(ElementWriter out, String qname, List<EmailAddress> list) throws IOException {
        if (!list.isEmpty()) {
            text(out, qname, AddressList.format(list));
        }
    }

    private static void attachment(ElementWriter out, EmailAttachment a) throws IOException {
        out.start("AirSyncBase:Attachment");
        text(out, "AirSyncBase:DisplayName", a.displayName());
        text(out, "AirSyncBase:FileReference", a.fileReference());
        out.element("AirSyncBase:Method", a.method());
        out.element("AirSyncBase:EstimatedDataSize", a.estimatedSize());
        if (a.contentId().isPresent()) {
            text(out, "AirSyncBase:ContentId", a.contentId().get());
        }
        if (a.contentLocation().isPresent()) {
            text(out, "AirSyncBase:ContentLocation", a.contentLocation().get());
        }
        out.element("AirSyncBase:IsInline", a.inline());
        out.end();
    }

    private static void body(ElementWriter out, Body b, boolean v14, int bodyPart) throws IOException {
        out.start("AirSyncBase:Body");
        out.element("AirSyncBase:Type", b.type().code());
        out.element("AirSyncBase:EstimatedDataSize", b.estimatedDataSize());
        out.element("AirSyncBase:Truncated", b.truncated());
        if (b.data().isPresent() && bodyPart > 0) {
            out.element("ItemOperations:Part", bodyPart);
        } else if (b.data().isPresent()) {
            out.start("AirSyncBase:Data");
            switch (b.data().get()) {
                case Body.Text t -> out.raw().text(clean(t.text()));
                case Body.Stream s -> {
                    try (InputStream in = s.source().open()) {
                        out.raw().text(lenientUtf8(in));
                    }
                }
            }
            out.end();
        }
        if (v14 && b.preview().isPresent()) {
            text(out, "AirSyncBase:Preview", b.preview().get());
        }
        out.end();
    }

    /**
     * An empty Flag when there is none: MS-ASEMAIL asks for {@code <Flag/>} then, and a Change
     * needs it to clear the client's flag. The model keeps UTC dates only, so the local
     * StartDate/DueDate carry the UTC values too; the four are written together or not at all,
     * as the specification requires, a missing one of start and due taking the other's value.
     */
    private static void flag(ElementWriter out, Optional<Flag> flag) throws IOException {
        out.start("Email:Flag");
        if (flag.isPresent() && flag.get().status() != Flag.Status.CLEARED) {
            Flag f = flag.get();
            out.element("Email:FlagStatus", f.status().code());
            text(out, "Email:FlagType", f.flagType());
            if (f.completeTime().isPresent()) {
                String done = EasDateTime.format(f.completeTime().get());
                out.element("Tasks:DateCompleted", done);
                out.element("Email:CompleteTime", done);
            }
            if (f.startDate().isPresent() || f.dueDate().isPresent()) {
                String start = EasDateTime.format(f.startDate().orElseGet(() -> f.dueDate().get()));
                String due = EasDateTime.format(f.dueDate().orElseGet(() -> f.startDate().get()));
                out.element("Tasks:StartDate", start).element("Tasks:DueDate", due)
                        .element("Tasks:UtcStartDate", start).element("Tasks:UtcDueDate", due);
            }
            out.element("Tasks:ReminderSet", f.reminderSet());
            if (f.reminderTime().isPresent()) {
                out.element("Tasks:ReminderTime", EasDateTime.format(f.reminderTime().get()));
            }
        }
        out.end();
    }

    private static void opaque(ElementWriter out, String qname, byte[] data) throws IOException {
        out.start(qname);
        out.raw().opaque(data);
        out.end();
    }

    /** A leaf with text; nothing at all when the text is empty. */
    private static void text(ElementWriter out, String qname, String s) throws IOException {
        if (!s.isEmpty()) {
            out.element(qname, clean(s));
        }
    }

    /** {@code s} with what a WBXML inline string cannot carry replaced by U+FFFD. */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c == '\0'
                    || Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (bad && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? '\uFFFD' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * MIME as the characters of a string. Data is a string in [MS-ASAIRS], so it must be UTF-8:
     * bytes that are not (8-bit parts in another charset, which a well-formed message does not
     * have unencoded) become U+FFFD, as does NUL.
     */
    private static Reader lenientUtf8(InputStream in) {
        Reader decoded = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        return new FilterReader(decoded) {
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                for (int i = off; i < off + n; i++) {
                    if (buf[i] == '\0') {
                        buf[i] = '\uFFFD';
                    }
                }
                return n;
            }
        };
    }
}
