package org.koppel.gateway.imap;

import java.util.Arrays;
import org.koppel.gateway.imap.syntax.SequenceSet;
import org.koppel.gateway.mailbox.MailboxView;

/**
 * The messages a command names, as UIDs ascending: a UID set, a set of message numbers the client knows, or
 * {@code $}, the last saved search result (RFC 5182), of which messages expunged since are dropped.
 */
final class Targets {

    private Targets() {
    }

    /** The UIDs; a message number beyond the client's count is an error (null). */
    static long[] resolve(ImapSession s, SequenceSet set, boolean uid) {
        MailboxView view = s.selected().view();
        long[] known = view.uids();
        if (set.isSaved()) {
            return Arrays.stream(s.savedSearch()).filter(u -> Arrays.binarySearch(known, u) >= 0).toArray();
        }
        if (uid) {
            return set.selectUids(known);
        }
        if (known.length == 0 && set.ranges().stream().allMatch(r -> r.from() == SequenceSet.STAR
                || r.to() == SequenceSet.STAR)) {
            // "1:*" or "*" in an empty mailbox names nothing rather than a message beyond the end: clients send
            // it right after SELECT without looking at EXISTS, and get an empty answer (as from Dovecot).
            return new long[0];
        }
        if (set.exceeds(known.length)) {
            return null;
        }
        int[] numbers = set.selectNumbers(known.length);
        long[] out = new long[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            out[i] = known[numbers[i] - 1];
        }
        return out;
    }
}
