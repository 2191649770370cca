package org.koppel.gateway.imap;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.mailbox.Flags;
import org.koppel.gateway.mailbox.InternalDates;
import org.koppel.gateway.mailbox.Mailbox;
import org.koppel.gateway.mailbox.MailboxView;
import org.koppel.inetmapi.mime.ConvertedMessage;
import org.koppel.inetmapi.mime.MimeReader;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Session;

/**
 * APPEND (RFC 9051 6.3.12) with MULTIAPPEND (RFC 3502) and APPENDUID (RFC 4315): each message is converted by
 * inetmapi, keeping the text as sent so FETCH returns it byte for byte, and saved; several messages are all
 * saved or none.
 */
final class AppendCommand implements CommandHandler<ImapCommand.Append> {

    @Override
    public Set<SessionState> states() {
        return Commands.AUTHENTICATED;
    }

    @Override
    public void handle(ImapCommand.Append c, ImapSession s) throws IOException {
        Optional<Mailbox> target = s.account().find(c.mailbox());
        if (target.isEmpty() || target.get().specialUse().contains("\\Noselect")) {
            s.fail(c.tag(), "TRYCREATE", "No such mailbox.");
            return;
        }
        EntryId folder = target.get().folder();
        Session session = s.account().session();
        boolean intoSelected = s.selected() != null && s.selected().mailbox().folder().equals(folder);
        MimeReader reader = new MimeReader(s.account().names()).keepingOriginal();
        List<EntryId> created = new ArrayList<>();
        try {
            for (ImapCommand.AppendMessage m : c.messages()) {
                if (m.content().size() == 0) {
                    throw new Refused("An empty message cannot be appended.");
                }
                OffsetDateTime received = m.internalDate().orElseGet(() -> OffsetDateTime.now(ZoneOffset.UTC));
                try (InputStream in = m.content().open();
                        ConvertedMessage converted = reader.read(in, received.toInstant())) {
                    created.add(session.messages().create(folder, withFlags(s, converted.content(),
                            Flags.parse(m.flags()), received)));
                }
            }
        } catch (Refused | MapiException e) {
            if (!created.isEmpty()) {
                session.messages().delete(created, true);
            }
            switch (e) {
                case Refused r -> s.fail(c.tag(), null, r.getMessage());
                case MapiException.StoreFull f -> s.fail(c.tag(), "OVERQUOTA", "Quota exceeded.");
                case MapiException.TooBig f -> s.fail(c.tag(), "TOOBIG", "The message is too large.");
                case MapiException.NoAccess f -> s.fail(c.tag(), "NOPERM", "Permission denied.");
                default -> throw (MapiException) e;
            }
            return;
        }
        Map<EntryId, Long> uids;
        if (intoSelected) {
            // The selected mailbox's view reads the new messages anyway (the client gets EXISTS): no second export.
            MailboxView view = s.selected().view();
            view.refresh();
            uids = new java.util.HashMap<>();
            for (EntryId id : created) {
                long uid = view.uidOf(id);
                if (uid > 0) {
                    uids.put(id, uid);
                }
            }
        } else {
            uids = s.account().uidsOf(folder, created);
        }
        Optional<String> appendUid = Optional.empty();
        if (uids.size() == created.size()) {
            StringBuilder list = new StringBuilder();
            for (EntryId id : created) {
                if (!list.isEmpty()) {
                    list.append(',');
                }
                list.append(uids.get(id));
            }
            appendUid = Optional.of("APPENDUID " + session.changes().imapState(folder).uidValidity() + " " + list);
            s.context().recent().arrived(folder, uids.values().stream().mapToLong(Long::longValue).min().orElseThrow());
        }
        s.complete(c, appendUid, "APPEND completed.");
    }

    private static MessageContent withFlags(ImapSession s, MessageContent content, Flags flags,
            OffsetDateTime received) {
        InternalDates dates = s.account().internalDates();
        List<PropValue> props = new ArrayList<>();
        int messageFlags = 0;
        for (PropValue v : content.properties()) {
            if (v.tag().equals(PropTags.PR_MESSAGE_FLAGS)) {
                messageFlags = (Integer) v.javaValue();
            } else if (!dates.isOwn(v.tag())) {
                props.add(v);
            }
        }
        messageFlags = flags.seen() ? messageFlags | MessageFlags.MSGFLAG_READ.value()
                : messageFlags & ~MessageFlags.MSGFLAG_READ.value();
        props.add(PropValue.of(PropTags.PR_MESSAGE_FLAGS, messageFlags));
        props.addAll(dates.write(received));
        props.addAll(s.account().flagProperties().initial(flags));
        return new MessageContent(props, content.recipients(), content.attachments(), content.associated());
    }

    /** A message this server will not take, with the text to say so. */
    private static final class Refused extends RuntimeException {
        Refused(String text) {
            super(text, null, false, false);
        }
    }
}
