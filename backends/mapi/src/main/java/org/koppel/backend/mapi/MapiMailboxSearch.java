package org.koppel.backend.mapi;

import static org.koppel.mapi.PropTags.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.koppel.backend.BackendFolder;
import org.koppel.backend.EasFolderType;
import org.koppel.backend.MailboxSearch;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.FuzzyLevel;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RelOp;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SourceKey;
import org.koppel.mapi.SubObject;
import org.koppel.store.client.MessageSearch;
import org.koppel.store.client.MessageSearchResult;
import org.koppel.store.client.Session;
import org.koppel.store.client.TableRow;

/**
 * Mailbox search through the store's {@link org.koppel.store.client.Contents#search}: the query becomes a
 * MAPI restriction (each word a case-insensitive substring of the subject, the plain-text body, the sender's
 * and the recipients' names and addresses), which the store evaluates over the user's own folders only; the
 * page of hits is then loaded and converted like a Sync item.
 */
final class MapiMailboxSearch implements MailboxSearch {

    private static final Set<EasFolderType> MAIL = EnumSet.of(EasFolderType.INBOX, EasFolderType.DRAFTS,
            EasFolderType.DELETED_ITEMS, EasFolderType.SENT_ITEMS, EasFolderType.OUTBOX, EasFolderType.USER_MAIL);
    private static final FuzzyLevel SUBSTRING = FuzzyLevel.SUBSTRING.withIgnoreCase();
    private static final List<PropTag> TEXT = List.of(PR_SUBJECT, PR_BODY, PR_SENT_REPRESENTING_NAME,
            PR_SENT_REPRESENTING_EMAIL_ADDRESS, PR_SENT_REPRESENTING_SMTP_ADDRESS, PR_SENDER_NAME,
            PR_SENDER_EMAIL_ADDRESS, PR_SENDER_SMTP_ADDRESS, PR_DISPLAY_TO, PR_DISPLAY_CC);
    private static final List<PropTag> RECIPIENT_TEXT = List.of(PR_DISPLAY_NAME, PR_SMTP_ADDRESS, PR_EMAIL_ADDRESS);

    private final Session session;
    private final MapiFolders folders;
    private final EmailConversion conversion;

    MapiMailboxSearch(Session session, MapiFolders folders, EmailConversion conversion) {
        this.session = session;
        this.folders = folders;
        this.conversion = conversion;
    }

    @Override
    public Result search(Query q) {
        try {
            List<EntryId> scope = new ArrayList<>();
            boolean recursive = q.deep();
            if (q.folderIds().isEmpty()) {
                // Every mail folder, listed: a recursive search of the IPM subtree would read calendars too.
                for (BackendFolder f : folders.list()) {
                    if (MAIL.contains(f.type()) && scope.size() < MessageSearch.MAX_FOLDERS) {
                        scope.add(folders.entryId(f.id()));
                    }
                }
                recursive = false;
            } else {
                for (String id : q.folderIds()) {
                    scope.add(folders.entryId(id));
                }
            }
            if (scope.isEmpty()) {
                return new Result.Found(0, List.of());
            }
            MessageSearchResult r = session.contents().search(new MessageSearch(scope, recursive, restriction(q),
                    List.of(PR_PARENT_SOURCE_KEY, PR_SOURCE_KEY), q.offset(), q.limit(), q.timeLimit()));
            if (!r.complete()) {
                return new Result.TimedOut();
            }
            List<Hit> hits = new ArrayList<>();
            for (TableRow row : r.rows()) {
                try {
                    hits.add(new Hit(Ids.of(SourceKey.parse((byte[]) row.values().get(0).javaValue())),
                            Ids.of(SourceKey.parse((byte[]) row.values().get(1).javaValue())),
                            conversion.toEmail(session.messages().load(row.entryId()), q.bodyPreferences())));
                } catch (MapiException.NotFound | MapiException.ObjectDeleted e) {
                    // Deleted between the scan and the load: not a hit any more.
                }
            }
            return new Result.Found(r.total(), hits);
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    /** The query as a restriction: every word somewhere, within the dates, in the conversation. */
    static Restriction restriction(Query q) {
        List<Restriction> all = new ArrayList<>();
        for (String word : words(q.freeText())) {
            List<Restriction> anywhere = new ArrayList<>();
            for (PropTag tag : TEXT) {
                anywhere.add(new Restriction.Content(tag, PropValue.of(tag, word), SUBSTRING));
            }
            List<Restriction> recipient = new ArrayList<>();
            for (PropTag tag : RECIPIENT_TEXT) {
                recipient.add(new Restriction.Content(tag, PropValue.of(tag, word), SUBSTRING));
            }
            anywhere.add(new Restriction.SubRestriction(SubObject.RECIPIENTS, new Restriction.Or(recipient)));
            all.add(new Restriction.Or(anywhere));
        }
        q.receivedAfter().ifPresent(t -> all.add(new Restriction.Property(RelOp.RELOP_GT, PR_MESSAGE_DELIVERY_TIME,
                PropValue.of(PR_MESSAGE_DELIVERY_TIME, t))));
        q.receivedBefore().ifPresent(t -> all.add(new Restriction.Property(RelOp.RELOP_LT, PR_MESSAGE_DELIVERY_TIME,
                PropValue.of(PR_MESSAGE_DELIVERY_TIME, t))));
        q.conversationId().ifPresent(id -> all.add(new Restriction.Property(RelOp.RELOP_EQ, PR_CONVERSATION_ID,
                PropValue.of(PR_CONVERSATION_ID, id))));
        return new Restriction.And(all);
    }

    /** The words of a free-text query; a double-quoted phrase is one word. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                flush(word, out);
            } else if (Character.isWhitespace(c) && !quoted) {
                flush(word, out);
            } else {
                word.append(c);
            }
        }
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        String w = word.toString().strip();
        if (!w.isEmpty()) {
            out.add(w);
        }
        word.setLength(0);
    }
}
