package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.imap.syntax.SequenceSet;
import org.koppel.gateway.mailbox.Mailbox;
import org.koppel.gateway.mailbox.MailboxView;
import org.koppel.mapi.EntryId;

/** COPY and UID COPY (RFC 9051 6.4.7) with COPYUID (RFC 4315). */
final class CopyCommand implements CommandHandler<ImapCommand.Copy> {

    @Override
    public Set<SessionState> states() {
        return Commands.SELECTED;
    }

    @Override
    public void handle(ImapCommand.Copy c, ImapSession s) throws IOException {
        Transfer t = Transfer.prepare(s, c.tag(), c.set(), c.uid(), c.mailbox());
        if (t == null) {
            return;
        }
        if (t.sources().isEmpty()) {
            s.complete(c, "COPY completed, nothing to copy.");
            return;
        }
        List<EntryId> copies = s.account().session().messages().copy(t.entryIds(), t.destination().folder());
        if (t.destination().folder().equals(s.selected().mailbox().folder())) {
            // As after APPEND: the copies' EXISTS comes with this response, not whenever the notification arrives.
            s.selected().watch().markChanged();
        }
        s.complete(c, t.copyUid(s, copies), "COPY completed.");
    }

    /** What COPY and MOVE share: the messages, their destination, and COPYUID. */
    record Transfer(List<Long> sources, List<EntryId> entryIds, Mailbox destination) {

        /** Resolves the messages and the destination; null after answering when either is wrong. */
        static Transfer prepare(ImapSession s, String tag, SequenceSet set, boolean uid, String mailbox)
                throws IOException {
            long[] uids = Targets.resolve(s, set, uid);
            if (uids == null) {
                s.bad(tag, "Invalid message number.");
                return null;
            }
            Optional<Mailbox> dest = s.account().find(mailbox);
            if (dest.isEmpty() || dest.get().specialUse().contains("\\Noselect")) {
                s.fail(tag, "TRYCREATE", "No such mailbox.");
                return null;
            }
            MailboxView view = s.selected().view();
            List<Long> sources = new ArrayList<>();
            List<EntryId> ids = new ArrayList<>();
            for (long u : uids) {
                view.entry(u).ifPresent(e -> {
                    sources.add(u);
                    ids.add(e.entryId());
                });
            }
            return new Transfer(sources, ids, dest.get());
        }

        /** {@code COPYUID validity sources destinations}, for the messages whose new UID could be read. */
        Optional<String> copyUid(ImapSession s, List<EntryId> newIds) {
            Map<EntryId, Long> found = s.account().uidsOf(destination.folder(), newIds);
            List<Long> from = new ArrayList<>();
            List<Long> to = new ArrayList<>();
            for (int i = 0; i < newIds.size(); i++) {
                Long u = found.get(newIds.get(i));
                if (u != null) {
                    from.add(sources.get(i));
                    to.add(u);
                }
            }
            if (from.isEmpty()) {
                return Optional.empty();
            }
            s.context().recent().arrived(destination.folder(), to.stream().mapToLong(Long::longValue).min().orElseThrow());
            long validity = s.account().session().changes().imapState(destination.folder()).uidValidity();
            return Optional.of("COPYUID " + validity + " " + list(from) + " " + list(to));
        }

        private static String list(List<Long> uids) {
            StringBuilder sb = new StringBuilder();
            for (long u : uids) {
                if (!sb.isEmpty()) {
                    sb.append(',');
                }
                sb.append(u);
            }
            return sb.toString();
        }
    }
}
