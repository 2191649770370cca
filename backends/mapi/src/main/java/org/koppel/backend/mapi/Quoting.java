package org.koppel.backend.mapi;

import static org.koppel.mapi.PropTags.PR_BODY;
import static org.koppel.mapi.PropTags.PR_CLIENT_SUBMIT_TIME;
import static org.koppel.mapi.PropTags.PR_DISPLAY_CC;
import static org.koppel.mapi.PropTags.PR_DISPLAY_TO;
import static org.koppel.mapi.PropTags.PR_HTML;
import static org.koppel.mapi.PropTags.PR_INTERNET_CPID;
import static org.koppel.mapi.PropTags.PR_MESSAGE_DELIVERY_TIME;
import static org.koppel.mapi.PropTags.PR_RTF_COMPRESSED;
import static org.koppel.mapi.PropTags.PR_RTF_IN_SYNC;
import static org.koppel.mapi.PropTags.PR_SENT_REPRESENTING_NAME;
import static org.koppel.mapi.PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS;
import static org.koppel.mapi.PropTags.PR_SUBJECT;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.MessageData;

/**
 * What SmartReply and SmartForward add to the client's text when it did not send the whole message: a header
 * naming the source, then the source's body, quoted with "> " in a plain-text reply, as the source's own HTML
 * (in a blockquote for a reply) in an HTML one. The plain text is completed in both cases, so the text/plain
 * alternative of an HTML message says the same.
 */
final class Quoting {

    private static final Pattern BODY_OPEN = Pattern.compile("<body[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BODY_CLOSE = Pattern.compile("</body\\s*>", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter SENT = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final MessageProps source;
    private final boolean forward;

    Quoting(MessageData source, boolean forward) {
        this.source = new MessageProps(source.properties());
        this.forward = forward;
    }

    /** The client's message with the source's body added and {@code attachments} attached beside its own. */
    MessageContent into(MessageContent message, List<AttachmentContent> attachments) {
        MessageProps own = new MessageProps(message.properties());
        List<PropValue> props = new ArrayList<>();
        for (PropValue v : message.properties()) {
            int id = v.tag().id();
            if (id != PR_BODY.id() && id != PR_HTML.id() && id != PR_RTF_COMPRESSED.id() && id != PR_RTF_IN_SYNC.id()) {
                props.add(v);
            }
        }
        props.add(PropValue.of(PR_BODY, own.string(PR_BODY) + plain()));
        Optional<byte[]> html = own.binary(PR_HTML);
        if (html.isPresent()) {
            String text = new String(html.get(), EmailConversion.charset(own.integer(PR_INTERNET_CPID).orElse(65001)));
            props.removeIf(v -> v.tag().id() == PR_INTERNET_CPID.id());
            props.add(PropValue.of(PR_HTML, html(text).getBytes(StandardCharsets.UTF_8)));
            props.add(PropValue.of(PR_INTERNET_CPID, 65001));
        }
        List<AttachmentContent> all = new ArrayList<>(message.attachments());
        all.addAll(attachments);
        return new MessageContent(props, message.recipients(), all, message.associated());
    }

    private List<String> header() {
        List<String> lines = new ArrayList<>();
        lines.add(forward ? "---------- Forwarded message ----------" : "-----Original Message-----");
        String name = source.string(PR_SENT_REPRESENTING_NAME);
        String address = source.string(PR_SENT_REPRESENTING_SMTP_ADDRESS);
        String from = name.isEmpty() ? address : address.isEmpty() ? name : name + " <" + address + ">";
        if (!from.isEmpty()) {
            lines.add("From: " + from);
        }
        source.time(Optional.of(PR_CLIENT_SUBMIT_TIME)).or(() -> source.time(Optional.of(PR_MESSAGE_DELIVERY_TIME)))
                .ifPresent(t -> lines.add("Sent: " + SENT.format(t)));
        if (!source.string(PR_DISPLAY_TO).isEmpty()) {
            lines.add("To: " + source.string(PR_DISPLAY_TO));
        }
        if (!source.string(PR_DISPLAY_CC).isEmpty()) {
            lines.add("Cc: " + source.string(PR_DISPLAY_CC));
        }
        lines.add("Subject: " + source.string(PR_SUBJECT));
        return lines;
    }

    private String plain() {
        StringBuilder out = new StringBuilder("\r\n\r\n");
        header().forEach(l -> out.append(l).append("\r\n"));
        out.append("\r\n");
        for (String line : source.string(PR_BODY).split("\r?\n", -1)) {
            out.append(forward ? "" : line.isEmpty() ? ">" : "> ").append(line).append("\r\n");
        }
        return out.toString();
    }

    private String html(String own) {
        StringBuilder quote = new StringBuilder("<div><br><hr>");
        header().forEach(l -> quote.append(escape(l)).append("<br>"));
        quote.append("</div>");
        quote.append(forward ? "<div>" : "<blockquote style=\"margin:0 0 0 .8ex;border-left:1px solid #ccc;"
                + "padding-left:1ex\">");
        quote.append(sourceHtml());
        quote.append(forward ? "</div>" : "</blockquote>");
        Matcher close = BODY_CLOSE.matcher(own);
        int at = -1;
        while (close.find()) {
            at = close.start();
        }
        return at < 0 ? own + quote : own.substring(0, at) + quote + own.substring(at);
    }

    /** The inside of the source's body element, or its plain text when it has no HTML. */
    private String sourceHtml() {
        Optional<byte[]> html = source.binary(PR_HTML);
        if (html.isEmpty()) {
            return "<pre>" + escape(source.string(PR_BODY)) + "</pre>";
        }
        String text = new String(html.get(), EmailConversion.charset(source.integer(PR_INTERNET_CPID).orElse(65001)));
        Matcher open = BODY_OPEN.matcher(text);
        int from = open.find() ? open.end() : 0;
        Matcher close = BODY_CLOSE.matcher(text);
        int to = text.length();
        while (close.find()) {
            to = close.start();
        }
        return to >= from ? text.substring(from, to) : text.substring(from);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
