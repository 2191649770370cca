package org.koppel.eas.lifecycle;

import static org.koppel.mapi.PropTags.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.koppel.backend.EasFolderType;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.WellKnownFolder;

/** Mail put into a test user's store as delivery would: a plain and HTML body, and attachments by value. */
final class Mailbox {

    static final String PLAIN = "Plain body of the message";
    static final String HTML = "<html><body><p>HTML body</p></body></html>";

    private final Gateway gw;

    Mailbox(Gateway gw) {
        this.gw = gw;
    }

    /** Deterministic bytes of a given length (not compressible, so a wrong offset shows). */
    static byte[] bytes(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A message in the user's Inbox with both bodies and the given attachments (name to data); its item id. */
    String deliver(String login, String subject, List<Attachment> attachments) {
        EntryId inbox = gw.admin.stores().openUserStore(login).folder(WellKnownFolder.INBOX);
        Instant now = Instant.now();
        List<AttachmentContent> atts = new ArrayList<>();
        for (Attachment a : attachments) {
            atts.add(new AttachmentContent.ByValue(List.of(
                    PropValue.of(PR_ATTACH_METHOD, AttachMethod.ATTACH_BY_VALUE.code()),
                    PropValue.of(PR_ATTACH_LONG_FILENAME, a.name()),
                    PropValue.of(PR_ATTACH_MIME_TAG, a.contentType())), InputStreamSource.ofBytes(a.data())));
        }
        EntryId id = gw.admin.messages().create(inbox, new MessageContent(List.of(
                PropValue.of(PR_MESSAGE_CLASS, "IPM.Note"),
                PropValue.of(PR_SUBJECT, subject),
                PropValue.of(PR_BODY, PLAIN),
                PropValue.of(PR_HTML, HTML.getBytes(StandardCharsets.UTF_8)),
                PropValue.of(PR_MESSAGE_DELIVERY_TIME, now),
                PropValue.of(PR_CLIENT_SUBMIT_TIME, now),
                PropValue.of(PR_SENT_REPRESENTING_NAME, "Sender"),
                PropValue.of(PR_SENT_REPRESENTING_EMAIL_ADDRESS, "sender@example.net"),
                PropValue.of(PR_SENT_REPRESENTING_SMTP_ADDRESS, "sender@example.net")),
                List.of(Recipient.of(RecipientType.MAPI_TO, "User", login + "@example.org")), atts, false));
        return gw.contents(login, EasFolderType.INBOX).stream()
                .filter(a -> ((org.koppel.backend.EmailItem) a.item()).subject().equals(subject))
                .map(org.koppel.backend.ItemChange.Added::itemId).findFirst()
                .orElseThrow(() -> new AssertionError("delivered message " + id + " not found"));
    }

    /** The subjects of the messages in a folder, read through a backend session. */
    java.util.Set<String> subjects(String login, String folderId) {
        java.util.Set<String> out = new java.util.HashSet<>();
        added(login, folderId).forEach(c -> out.add(((org.koppel.backend.EmailItem) c.item()).subject()));
        return out;
    }

    /** The item ids of the messages in a folder. */
    java.util.Set<String> itemIds(String login, String folderId) {
        java.util.Set<String> out = new java.util.HashSet<>();
        added(login, folderId).forEach(c -> out.add(c.itemId()));
        return out;
    }

    private List<org.koppel.backend.ItemChange.Added> added(String login, String folderId) {
        List<org.koppel.backend.ItemChange.Added> out = new ArrayList<>();
        try (org.koppel.backend.BackendSession s = gw.backend.logonAs(login)) {
            byte[] st = new byte[0];
            while (true) {
                var page = s.contents().export(folderId, st, new org.koppel.backend.ExportOptions(
                        org.koppel.backend.FilterType.ALL, 500, List.of()));
                page.changes().stream().filter(c -> c instanceof org.koppel.backend.ItemChange.Added)
                        .map(c -> (org.koppel.backend.ItemChange.Added) c).forEach(out::add);
                st = page.nextState();
                if (!page.moreAvailable()) {
                    return out;
                }
            }
        }
    }

    record Attachment(String name, String contentType, byte[] data) {
    }
}
