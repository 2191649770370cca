package org.koppel.backend.mapi;

import static org.koppel.mapi.PropTags.PR_DELETE_AFTER_SUBMIT;
import static org.koppel.mapi.PropTags.PR_ICON_INDEX;
import static org.koppel.mapi.PropTags.PR_LAST_VERB_EXECUTED;
import static org.koppel.mapi.PropTags.PR_LAST_VERB_EXECUTION_TIME;
import static org.koppel.mapi.PropTags.PR_SENTMAIL_ENTRYID;
import static org.koppel.mapi.PropTags.PR_SENT_REPRESENTING_EMAIL_ADDRESS;
import static org.koppel.mapi.PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.koppel.backend.BackendException;
import org.koppel.backend.EmailAddress;
import org.koppel.backend.LastVerb;
import org.koppel.backend.MailSubmission;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.mime.ConvertedMessage;
import org.koppel.inetmapi.mime.MimeReader;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.WellKnownFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SendMail, SmartReply and SmartForward: the client's MIME parsed once by inetmapi, completed from the source
 * message where the client asked for that, saved in the Outbox with {@code PR_SENTMAIL_ENTRYID} (or
 * {@code PR_DELETE_AFTER_SUBMIT}) and submitted; the spooler sends it and moves it to Sent Items. Nothing waits
 * for the spooler. A reply or forward then marks its source ([MS-OXOMSG] last verb and icon).
 */
final class MapiMailSubmission implements MailSubmission {

    private static final Logger LOG = LoggerFactory.getLogger(MapiMailSubmission.class);

    // [MS-OXOMSG] 2.2.1.33 PidTagLastVerbExecuted and 2.2.1.10 PidTagIconIndex.
    private static final int VERB_REPLY_TO_SENDER = 102;
    private static final int VERB_REPLY_TO_ALL = 103;
    private static final int VERB_FORWARD = 104;
    private static final int ICON_REPLIED = 0x105;
    private static final int ICON_FORWARDED = 0x106;

    private final Session session;
    private final StoreInfo store;
    private final NamedTagMap names;
    private final MapiItems items;
    private final MapiFolders folders;
    private final Clock clock;

    MapiMailSubmission(Session session, StoreInfo store, NamedTagMap names, MapiItems items, MapiFolders folders,
            Clock clock) {
        this.session = session;
        this.store = store;
        this.names = names;
        this.items = items;
        this.folders = folders;
        this.clock = clock;
    }

    @Override
    public void send(InputStream mime, boolean saveInSentItems) {
        try (ConvertedMessage converted = read(mime)) {
            queue(converted.content(), List.of(), saveInSentItems);
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    @Override
    public void reply(Source source, InputStream mime, Options options) {
        try {
            MessageData original = load(source);
            try (ConvertedMessage converted = read(mime)) {
                MessageContent c = converted.content();
                if (!options.replaceMime()) {
                    c = new Quoting(original, false).into(c, inlineImages(original));
                }
                queue(c, List.of(), options.saveInSentItems());
                mark(original, replyToAll(original, c) ? LastVerb.REPLY_TO_ALL : LastVerb.REPLY_TO_SENDER);
            }
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    @Override
    public void forward(Source source, InputStream mime, Options options, List<EmailAddress> forwardees) {
        try {
            MessageData original = load(source);
            try (ConvertedMessage converted = read(mime)) {
                MessageContent c = converted.content();
                if (!options.replaceMime()) {
                    c = new Quoting(original, true).into(c, new SourceAttachments(session, names).of(original));
                }
                queue(c, forwardees, options.saveInSentItems());
                mark(original, LastVerb.FORWARD);
            }
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    private MessageData load(Source source) {
        return session.messages().load(items.message(folders.entryId(source.folderId()),
                Ids.sourceKey(source.itemId())));
    }

    /** The client's MIME as a message; one inetmapi could only wrap as an attachment of itself is refused. */
    private ConvertedMessage read(InputStream mime) {
        ConvertedMessage converted;
        try {
            converted = new MimeReader(names).read(mime, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (converted.fallback()) {
            converted.close();
            throw new BackendException.InvalidMessage(BackendException.InvalidMessage.Problem.MALFORMED,
                    "the MIME is not a readable message", null);
        }
        return converted;
    }

    /** The inline images (hidden, with a content id) an HTML reply needs to show the quoted HTML. */
    private List<AttachmentContent> inlineImages(MessageData original) {
        return new SourceAttachments(session, names).inline(original);
    }

    /** Saves the message in the Outbox and submits it; the recipients are the MIME's plus {@code extra}. */
    private void queue(MessageContent c, List<EmailAddress> extra, boolean saveInSentItems) {
        List<Recipient> recipients = new ArrayList<>(c.recipients());
        Set<String> known = new HashSet<>();
        recipients.forEach(r -> known.add(r.email().toLowerCase(Locale.ROOT)));
        for (EmailAddress a : extra) {
            if (known.add(a.address().toLowerCase(Locale.ROOT))) {
                recipients.add(Recipient.of(RecipientType.MAPI_TO, a.name(), a.address()));
            }
        }
        if (recipients.isEmpty()) {
            throw new BackendException.InvalidMessage(BackendException.InvalidMessage.Problem.NO_RECIPIENTS,
                    "the message has no recipients", null);
        }
        List<PropValue> props = new ArrayList<>(c.properties());
        props.removeIf(v -> v.tag().id() == PR_SENTMAIL_ENTRYID.id() || v.tag().id() == PR_DELETE_AFTER_SUBMIT.id());
        if (saveInSentItems) {
            props.add(PropValue.of(PR_SENTMAIL_ENTRYID, store.folder(WellKnownFolder.SENT_ITEMS).bytes()));
        } else {
            props.add(PropValue.of(PR_DELETE_AFTER_SUBMIT, true));
        }
        EntryId message = session.messages().create(store.folder(WellKnownFolder.OUTBOX),
                new MessageContent(props, recipients, c.attachments(), false));
        session.messages().submit(message);
    }

    /**
     * A reply to all when it goes to anyone the source was also addressed to, other than the user and the
     * source's sender: SmartReply does not say which of the two the user chose.
     */
    private boolean replyToAll(MessageData original, MessageContent reply) {
        Set<String> others = new HashSet<>();
        for (Recipient r : original.recipients()) {
            if (r.type() == RecipientType.MAPI_TO || r.type() == RecipientType.MAPI_CC) {
                others.add(r.email().toLowerCase(Locale.ROOT));
            }
        }
        UserInfo me = session.user();
        others.remove(me.email().toLowerCase(Locale.ROOT));
        me.aliases().forEach(a -> others.remove(a.toLowerCase(Locale.ROOT)));
        MessageProps p = new MessageProps(original.properties());
        others.remove(p.string(PR_SENT_REPRESENTING_SMTP_ADDRESS).toLowerCase(Locale.ROOT));
        others.remove(p.string(PR_SENT_REPRESENTING_EMAIL_ADDRESS).toLowerCase(Locale.ROOT));
        return reply.recipients().stream().anyMatch(r -> others.contains(r.email().toLowerCase(Locale.ROOT)));
    }

    /**
     * The source's last verb, its time and icon, so every client shows the reply or forward arrow. The message
     * is already queued: a source that cannot be changed (another user's folder read-only to this one) is
     * logged, not a failed send.
     */
    private void mark(MessageData original, LastVerb verb) {
        int code = switch (verb) {
            case REPLY_TO_ALL -> VERB_REPLY_TO_ALL;
            case FORWARD -> VERB_FORWARD;
            default -> VERB_REPLY_TO_SENDER;
        };
        Instant now = clock.instant();
        try {
            session.messages().update(original.entryId(), List.of(PropValue.of(PR_LAST_VERB_EXECUTED, code),
                    PropValue.of(PR_LAST_VERB_EXECUTION_TIME, now),
                    PropValue.of(PR_ICON_INDEX, verb == LastVerb.FORWARD ? ICON_FORWARDED : ICON_REPLIED)), List.of());
        } catch (MapiException e) {
            LOG.warn("The {} was queued, but its source could not be marked: {}", verb, e.getMessage());
        }
    }
}
