package org.koppel.gateway.imap.syntax;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One parsed client command. Mailbox names are decoded (modified UTF-7, or UTF-8 under UTF8=ACCEPT) and INBOX is
 * normalised to upper case; flags keep their backslash; atoms the protocol treats case-insensitively are upper case.
 */
public sealed interface ImapCommand {

    String tag();

    record Capability(String tag) implements ImapCommand {
    }

    record Noop(String tag) implements ImapCommand {
    }

    record Logout(String tag) implements ImapCommand {
    }

    record StartTls(String tag) implements ImapCommand {
    }

    /**
     * AUTHENTICATE mechanism [initial-response] (SASL-IR, RFC 4959).
     *
     * @param initialResponse base64 as sent, or {@code "="} for an empty one; further client lines are read with
     *                        {@link CommandReader#readContinuationLine()}
     */
    record Authenticate(String tag, String mechanism, Optional<String> initialResponse) implements ImapCommand {
    }

    record Login(String tag, String user, String password) implements ImapCommand {
        @Override
        public String toString() {
            return "Login[tag=" + tag + ", user=" + user + ", password=***]";
        }
    }

    /** ENABLE (RFC 5161) with the capability names upper-cased. */
    record Enable(String tag, List<String> capabilities) implements ImapCommand {
        public Enable {
            capabilities = List.copyOf(capabilities);
        }
    }

    /** QRESYNC select parameter (RFC 7162 3.2.5). */
    record QResync(long uidValidity, long modSeq, Optional<SequenceSet> knownUids,
            Optional<SequenceSet> knownSequenceNumbers, Optional<SequenceSet> knownSequenceUids) {
    }

    /** SELECT (readOnly false) or EXAMINE (readOnly true), with CONDSTORE/QRESYNC parameters. */
    record Select(String tag, String mailbox, boolean readOnly, boolean condStore, Optional<QResync> qresync)
            implements ImapCommand {
    }

    /** CREATE, with the special-use attributes of {@code (USE (\Drafts))} (RFC 6154). */
    record Create(String tag, String mailbox, List<String> specialUse) implements ImapCommand {
        public Create {
            specialUse = List.copyOf(specialUse);
        }
    }

    record Delete(String tag, String mailbox) implements ImapCommand {
    }

    record Rename(String tag, String from, String to) implements ImapCommand {
    }

    record Subscribe(String tag, String mailbox) implements ImapCommand {
    }

    record Unsubscribe(String tag, String mailbox) implements ImapCommand {
    }

    /** LIST-EXTENDED selection options (RFC 5258, RFC 6154). */
    enum ListSelection { SUBSCRIBED, REMOTE, RECURSIVEMATCH, SPECIAL_USE }

    /** LIST-EXTENDED return options (RFC 5258, RFC 6154, RFC 5819). */
    enum ListReturn { SUBSCRIBED, CHILDREN, SPECIAL_USE, STATUS }

    /**
     * LIST, basic or extended.
     *
     * @param statusItems for {@code RETURN (STATUS (...))}; empty otherwise
     */
    record ListMailboxes(String tag, Set<ListSelection> selection, String reference, List<String> patterns,
            Set<ListReturn> returns, Set<StatusItem> statusItems) implements ImapCommand {
        public ListMailboxes {
            selection = Set.copyOf(selection);
            patterns = List.copyOf(patterns);
            returns = Set.copyOf(returns);
            statusItems = Set.copyOf(statusItems);
        }
    }

    record Lsub(String tag, String reference, String pattern) implements ImapCommand {
    }

    record Namespace(String tag) implements ImapCommand {
    }

    record Status(String tag, String mailbox, Set<StatusItem> items) implements ImapCommand {
        public Status {
            items = Set.copyOf(items);
        }
    }

    /** One message of an APPEND (several with MULTIAPPEND, RFC 3502). */
    record AppendMessage(List<String> flags, Optional<OffsetDateTime> internalDate, Literal content) {
        public AppendMessage {
            flags = List.copyOf(flags);
        }
    }

    /** APPEND; close the literals when done (they may be temp files). */
    record Append(String tag, String mailbox, List<AppendMessage> messages) implements ImapCommand, AutoCloseable {
        public Append {
            messages = List.copyOf(messages);
        }

        @Override
        public void close() {
            messages.forEach(m -> m.content().close());
        }
    }

    record Check(String tag) implements ImapCommand {
    }

    record Close(String tag) implements ImapCommand {
    }

    record Unselect(String tag) implements ImapCommand {
    }

    /** EXPUNGE, or UID EXPUNGE (RFC 4315) when {@code uids} is present. */
    record Expunge(String tag, Optional<SequenceSet> uids) implements ImapCommand {
    }

    /** ESEARCH return options (RFC 4731, SAVE from RFC 5182). */
    enum SearchReturn { MIN, MAX, ALL, COUNT, SAVE }

    /**
     * SEARCH / UID SEARCH. String arguments are decoded with the charset already.
     *
     * @param returns empty when the client did not ask for ESEARCH; {@code RETURN ()} means {@code {ALL}}
     */
    record Search(String tag, boolean uid, Optional<String> charset, Optional<Set<SearchReturn>> returns,
            SearchKey key) implements ImapCommand {
    }

    record Fetch(String tag, boolean uid, SequenceSet set, List<FetchItem> items, OptionalLong changedSince,
            boolean vanished) implements ImapCommand {
        public Fetch {
            items = List.copyOf(items);
        }
    }

    /** FLAGS, +FLAGS, -FLAGS. */
    enum StoreMode { REPLACE, ADD, REMOVE }

    record Store(String tag, boolean uid, SequenceSet set, OptionalLong unchangedSince, StoreMode mode, boolean silent,
            List<String> flags) implements ImapCommand {
        public Store {
            flags = List.copyOf(flags);
        }
    }

    record Copy(String tag, boolean uid, SequenceSet set, String mailbox) implements ImapCommand {
    }

    record Move(String tag, boolean uid, SequenceSet set, String mailbox) implements ImapCommand {
    }

    /** RFC 5256 sort keys, DISPLAYFROM/DISPLAYTO from RFC 5957. */
    enum SortKey { ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM, DISPLAYTO }

    record SortCriterion(SortKey key, boolean reverse) {
    }

    record Sort(String tag, boolean uid, List<SortCriterion> criteria, String charset, SearchKey key)
            implements ImapCommand {
        public Sort {
            criteria = List.copyOf(criteria);
        }
    }

    enum ThreadAlgorithm { ORDEREDSUBJECT, REFERENCES }

    record Thread(String tag, boolean uid, ThreadAlgorithm algorithm, String charset, SearchKey key)
            implements ImapCommand {
    }

    /** IDLE; read the client's {@code DONE} with {@link CommandReader#readContinuationLine()}. */
    record Idle(String tag) implements ImapCommand {
    }

    /** ID (RFC 2971); values that were NIL are empty; empty map for {@code ID NIL}. */
    record Id(String tag, Map<String, Optional<String>> parameters) implements ImapCommand {
        public Id {
            parameters = Map.copyOf(parameters);
        }
    }

    record GetQuota(String tag, String root) implements ImapCommand {
    }

    record GetQuotaRoot(String tag, String mailbox) implements ImapCommand {
    }

    /** COMPRESS (RFC 4978) with the mechanism upper-cased; only DEFLATE exists. */
    record Compress(String tag, String mechanism) implements ImapCommand {
    }

    /** A command name the reader does not know (its arguments were skipped): answer {@code tag BAD}. */
    record Unknown(String tag, String name) implements ImapCommand {
    }
}
