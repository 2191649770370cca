package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.imap.syntax.ImapCommand.SearchReturn;
import org.koppel.gateway.imap.syntax.SearchKey;
import org.koppel.gateway.mailbox.MailboxView;
import org.koppel.gateway.mailbox.MessageEntry;

/**
 * SEARCH and UID SEARCH (RFC 9051 6.4.4) with ESEARCH (RFC 4731), SEARCHRES (RFC 5182) and MODSEQ (RFC 7162).
 * Text keys are substring scans of each message (the full-text index is not wired to IMAP yet).
 */
final class SearchCommand implements CommandHandler<ImapCommand.Search> {

    @Override
    public Set<SessionState> states() {
        return Commands.SELECTED;
    }

    @Override
    public void handle(ImapCommand.Search c, ImapSession s) throws IOException {
        if (mentionsModSeq(c.key())) {
            s.enable("CONDSTORE");
        }
        Matches found = run(s, c.key());
        Optional<Set<SearchReturn>> returns = c.returns();
        if (returns.isEmpty() && !s.rev2()) {
            StringBuilder line = new StringBuilder("* SEARCH");
            for (int i = 0; i < found.uids().size(); i++) {
                line.append(' ').append(c.uid() ? found.uids().get(i) : found.seqs().get(i));
            }
            if (found.modSeq() > 0 && !found.uids().isEmpty()) {
                line.append(" (MODSEQ ").append(found.modSeq()).append(')');
            }
            s.out().line(line.toString());
            s.complete(c, "SEARCH completed.");
            return;
        }
        Set<SearchReturn> r = returns.orElse(Set.of(SearchReturn.ALL));
        if (r.isEmpty()) {
            r = Set.of(SearchReturn.ALL);
        }
        if (r.contains(SearchReturn.SAVE)) {
            s.saveSearch(saved(found.uids(), r));
        }
        StringBuilder line = new StringBuilder("* ESEARCH (TAG ").append(s.out().string(c.tag())).append(')');
        if (c.uid()) {
            line.append(" UID");
        }
        List<Long> values = c.uid() ? found.uids() : found.seqs().stream().map(Integer::longValue).toList();
        if (!values.isEmpty()) {
            if (r.contains(SearchReturn.MIN)) {
                line.append(" MIN ").append(values.get(0));
            }
            if (r.contains(SearchReturn.MAX)) {
                line.append(" MAX ").append(values.get(values.size() - 1));
            }
            if (r.contains(SearchReturn.ALL)) {
                line.append(" ALL ").append(Uids.compact(values));
            }
        }
        if (r.contains(SearchReturn.COUNT)) {
            line.append(" COUNT ").append(values.size());
        }
        if (found.modSeq() > 0 && !values.isEmpty()) {
            line.append(" MODSEQ ").append(reportedModSeq(found, r));
        }
        boolean onlySave = r.equals(Set.of(SearchReturn.SAVE));
        if (!onlySave) {
            s.out().line(line.toString());
        }
        s.complete(c, "SEARCH completed.");
    }

    /**
     * What SAVE keeps (RFC 5182 2.4): with MIN and/or MAX but neither ALL nor COUNT, only those messages;
     * otherwise every match.
     */
    private static long[] saved(List<Long> uids, Set<SearchReturn> r) {
        boolean minMaxOnly = (r.contains(SearchReturn.MIN) || r.contains(SearchReturn.MAX))
                && !r.contains(SearchReturn.ALL) && !r.contains(SearchReturn.COUNT);
        if (!minMaxOnly || uids.isEmpty()) {
            return uids.stream().mapToLong(Long::longValue).toArray();
        }
        java.util.TreeSet<Long> kept = new java.util.TreeSet<>();
        if (r.contains(SearchReturn.MIN)) {
            kept.add(uids.get(0));
        }
        if (r.contains(SearchReturn.MAX)) {
            kept.add(uids.get(uids.size() - 1));
        }
        return kept.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The MODSEQ of an ESEARCH response (RFC 4731 3.2, RFC 7162 3.1.5): with MIN and/or MAX but neither ALL nor
     * COUNT, the highest of the messages returned (the first and/or the last match); otherwise the highest of
     * all matches.
     */
    private static long reportedModSeq(Matches found, Set<SearchReturn> r) {
        boolean minMaxOnly = (r.contains(SearchReturn.MIN) || r.contains(SearchReturn.MAX))
                && !r.contains(SearchReturn.ALL) && !r.contains(SearchReturn.COUNT);
        if (!minMaxOnly) {
            return found.modSeq();
        }
        long[] each = found.modSeqs();
        long reported = 0;
        if (r.contains(SearchReturn.MIN)) {
            reported = each[0];
        }
        if (r.contains(SearchReturn.MAX)) {
            reported = Math.max(reported, each[each.length - 1]);
        }
        return reported;
    }

    /**
     * The matching messages in sequence order with the MODSEQ of each, and the highest MODSEQ among them when
     * the key asked for it (else 0).
     */
    record Matches(List<Long> uids, List<Integer> seqs, long[] modSeqs, long modSeq) {
    }

    static Matches run(ImapSession s, SearchKey key) {
        MailboxView view = s.selected().view();
        s.selected().refreshIfChanged();
        SearchMatcher matcher = new SearchMatcher(s);
        long[] uids = view.uids();
        List<Long> out = new ArrayList<>();
        List<Integer> seqs = new ArrayList<>();
        long highest = 0;
        long[] modSeqs = new long[Math.min(uids.length, 64)];
        for (int i = 0; i < uids.length; i++) {
            MessageEntry e = view.entry(uids[i]).orElse(null);
            if (e == null) {
                continue;
            }
            if (matcher.matches(key, i + 1, new FetchedMessage(s, e))) {
                if (out.size() == modSeqs.length) {
                    modSeqs = Arrays.copyOf(modSeqs, modSeqs.length * 2);
                }
                modSeqs[out.size()] = e.modSeq();
                out.add(uids[i]);
                seqs.add(i + 1);
                highest = Math.max(highest, e.modSeq());
            }
        }
        return new Matches(out, seqs, Arrays.copyOf(modSeqs, out.size()), mentionsModSeq(key) ? highest : 0);
    }

    static boolean mentionsModSeq(SearchKey key) {
        return switch (key) {
            case SearchKey.ModSeq m -> true;
            case SearchKey.Not n -> mentionsModSeq(n.key());
            case SearchKey.Or o -> mentionsModSeq(o.left()) || mentionsModSeq(o.right());
            case SearchKey.And a -> a.keys().stream().anyMatch(SearchCommand::mentionsModSeq);
            default -> false;
        };
    }
}
