package org.koppel.dist.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;

/**
 * Generates plausible mail for the benchmarks from a seed: text bodies of a given size made of words,
 * three recipients, subject, sender and delivery times a minute apart, and optionally an attachment.
 */
final class SampleMail {

    private static final String[] WORDS = {
        "the", "store", "meeting", "quarterly", "report", "please", "find", "attached", "budget", "review",
        "schedule", "tomorrow", "project", "update", "customer", "invoice", "thanks", "regards", "agenda",
        "deadline", "draft", "contract", "team", "lunch", "server", "release", "notes", "question", "about",
        "we", "should", "discuss", "this", "next", "week", "with", "everyone", "involved", "and", "decide"};
    private static final String[] NAMES = {
        "Alice Martin", "Bob Keller", "Carla Jansen", "David Novak", "Eva Schmidt", "Frank Moreau",
        "Greta Lindqvist", "Hugo Costa", "Ines Ferreira", "Jan de Vries"};

    private final Random random;
    private final Instant start;
    private final byte[] attachmentData;
    private int sequence;

    SampleMail(long seed, Instant start, int attachmentBytes) {
        this.random = new Random(seed);
        this.start = start;
        this.attachmentData = new byte[attachmentBytes];
        random.nextBytes(attachmentData);
    }

    /** The next message: {@code bodyBytes} of text, with the attachment when {@code withAttachment}. */
    MessageContent next(int bodyBytes, boolean withAttachment) {
        int n = sequence++;
        String sender = NAMES[random.nextInt(NAMES.length)];
        List<PropValue> props = new ArrayList<>();
        props.add(PropValue.of(PropTags.PR_MESSAGE_CLASS, "IPM.Note"));
        props.add(PropValue.of(PropTags.PR_SUBJECT, "Message " + n + ": " + words(6)));
        props.add(PropValue.of(PropTags.PR_SENDER_NAME, sender));
        props.add(PropValue.of(PropTags.PR_SENDER_EMAIL_ADDRESS, address(sender)));
        props.add(PropValue.of(PropTags.PR_SENDER_ADDRTYPE, "SMTP"));
        props.add(PropValue.of(PropTags.PR_SENT_REPRESENTING_NAME, sender));
        Instant delivered = start.plus(Duration.ofMinutes(n));
        props.add(PropValue.of(PropTags.PR_CLIENT_SUBMIT_TIME, delivered.minusSeconds(5)));
        props.add(PropValue.of(PropTags.PR_MESSAGE_DELIVERY_TIME, delivered));
        props.add(PropValue.of(PropTags.PR_IMPORTANCE, 1));
        props.add(PropValue.of(PropTags.PR_MESSAGE_FLAGS, random.nextInt(3) == 0 ? 1 : 0)); // a third read
        props.add(PropValue.of(PropTags.PR_BODY, text(bodyBytes)));

        List<Recipient> recipients = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            String name = NAMES[random.nextInt(NAMES.length)];
            recipients.add(Recipient.of(i < 2 ? RecipientType.MAPI_TO : RecipientType.MAPI_CC, name, address(name)));
        }
        List<AttachmentContent> attachments = withAttachment
                ? List.of(new AttachmentContent.ByValue(List.of(
                        PropValue.of(PropTags.PR_ATTACH_LONG_FILENAME, "report-" + n + ".pdf"),
                        PropValue.of(PropTags.PR_ATTACH_MIME_TAG, "application/pdf")),
                        InputStreamSource.ofBytes(attachmentData)))
                : List.of();
        return new MessageContent(props, recipients, attachments, false);
    }

    /**
     * The next message as Internet mail (RFC 5322, CRLF lines, none starting with a dot) to {@code to}, about
     * {@code totalBytes} long: text/plain, or one in four multipart/alternative with an HTML copy of the text.
     */
    byte[] internetMessage(String to, int totalBytes) {
        int n = sequence++;
        String sender = NAMES[random.nextInt(NAMES.length)];
        boolean alternative = random.nextInt(4) == 0;
        String boundary = "=_bench_" + Long.toHexString(random.nextLong());
        StringBuilder m = new StringBuilder(totalBytes + 512);
        m.append("From: ").append(sender).append(" <").append(address(sender)).append(">\r\n")
                .append("To: <").append(to).append(">\r\n")
                .append("Subject: Message ").append(n).append(": ").append(words(6)).append("\r\n")
                .append("Date: ").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        start.plus(Duration.ofMinutes(n)).atZone(java.time.ZoneOffset.UTC))).append("\r\n")
                .append("Message-ID: <").append(Long.toHexString(random.nextLong())).append('.').append(n)
                .append("@bench.koppel.test>\r\n")
                .append("MIME-Version: 1.0\r\n");
        int textBytes = Math.max(64, totalBytes - m.length() - 200);
        if (alternative) {
            String text = text(textBytes / 2);
            m.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n\r\n")
                    .append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n")
                    .append(crlf(text)).append("\r\n--").append(boundary)
                    .append("\r\nContent-Type: text/html; charset=us-ascii\r\n\r\n<html><body><p>")
                    .append(crlf(text).replace("\r\n", "<br>\r\n")).append("</p></body></html>\r\n--")
                    .append(boundary).append("--\r\n");
        } else {
            m.append("Content-Type: text/plain; charset=us-ascii\r\n\r\n").append(crlf(text(textBytes))).append("\r\n");
        }
        return m.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    private String words(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private String text(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 16);
        int line = 0;
        while (sb.length() < bytes) {
            String w = WORDS[random.nextInt(WORDS.length)];
            sb.append(w);
            line += w.length() + 1;
            if (line > 72) {
                sb.append('\n');
                line = 0;
            } else {
                sb.append(' ');
            }
        }
        sb.setLength(bytes);
        return sb.toString();
    }

    private static String address(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org";
    }
}
