package org.koppel.gateway.imap.syntax;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads client commands off the connection, one complete command (with its literals) per {@link #read} call,
 * within {@link CommandLimits}. Not thread-safe: one per session. It buffers nothing beyond one look-ahead octet
 * consumed by the command itself, so after STARTTLS or COMPRESS the session creates a new reader on the new stream.
 */
public final class CommandReader {

    @FunctionalInterface
    private interface Production {
        ImapCommand parse(CommandGrammar g, String tag, boolean uid) throws IOException, CommandException;
    }

    private static final Map<String, Production> COMMANDS = commands();
    private static final Map<String, Production> UID_COMMANDS = Map.of(
            "FETCH", CommandReader::fetch, "SEARCH", CommandReader::search, "STORE", CommandReader::store,
            "COPY", CommandReader::copy, "MOVE", CommandReader::move, "SORT", CommandReader::sort,
            "THREAD", CommandReader::thread, "EXPUNGE", CommandReader::uidExpunge);

    private final CommandInput input;
    private boolean utf8Names;

    public CommandReader(InputStream in, CommandLimits limits) {
        this.input = new CommandInput(in, limits);
    }

    /** After {@code ENABLE UTF8=ACCEPT} (RFC 6855): mailbox names arrive as UTF-8, not modified UTF-7. */
    public void utf8Accept(boolean enabled) {
        this.utf8Names = enabled;
    }

    /**
     * Reads the next command.
     *
     * @param continuation called before the octets of each synchronizing literal within the limits
     * @return empty if the client closed the connection between commands
     * @throws CommandException     the command was malformed or too large; its text has been consumed (see
     *                              {@link CommandException#disconnect()})
     * @throws java.io.EOFException the client closed the connection within a command
     */
    public Optional<ImapCommand> read(ContinuationRequest continuation) throws IOException, CommandException {
        input.begin(continuation);
        String tag = null;
        try {
            if (input.peek() < 0) {
                return Optional.empty();
            }
            CommandGrammar g = new CommandGrammar(input, utf8Names);
            tag = tag();
            input.sp();
            String name = input.atom().toUpperCase(Locale.ROOT);
            boolean uid = name.equals("UID");
            Production production;
            if (uid) {
                input.sp();
                name = input.atom().toUpperCase(Locale.ROOT);
                production = UID_COMMANDS.get(name);
                name = "UID " + name;
            } else {
                production = COMMANDS.get(name);
            }
            if (production == null) {
                if (!input.skipRest()) {
                    throw new CommandException(tag, CommandException.Reason.TOO_BIG, "Literal too large", true);
                }
                return Optional.of(new ImapCommand.Unknown(tag, name));
            }
            ImapCommand command = production.parse(g, tag, uid);
            input.crlf();
            input.commit();
            return Optional.of(command);
        } catch (CommandException e) {
            input.discard();
            throw recover(e.withTag(tag));
        } catch (IllegalArgumentException | DateTimeException e) {
            input.discard();
            throw recover(new CommandException(tag, CommandException.Reason.SYNTAX, "Invalid argument", false));
        } catch (IOException | RuntimeException e) {
            input.discard();
            throw e;
        }
    }

    private CommandException recover(CommandException e) throws IOException {
        if (e.disconnect()) {
            return e;
        }
        try {
            if (input.skipRest()) {
                return e;
            }
        } catch (CommandException skipFailure) {
            // the rest of the line was too long as well
        }
        return new CommandException(e.tag().orElse(null), e.reason(), e.getMessage(), true);
    }

    /**
     * Reads one line the client sends within a command: an AUTHENTICATE response (base64, or {@code *} to cancel)
     * or the {@code DONE} that ends IDLE. Bounded by the line limit.
     *
     * @return the line without CRLF; empty if the client closed the connection
     */
    public Optional<String> readContinuationLine() throws IOException, CommandException {
        return Optional.ofNullable(input.line());
    }

    private String tag() throws IOException, CommandException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = input.peek()) >= 0 && c < 0x80 && (CommandInput.atomChar(c) || c == ']') && c != '+') {
            sb.append((char) input.next());
        }
        if (sb.isEmpty()) {
            throw CommandException.syntax("Missing tag");
        }
        return sb.toString();
    }

    private static Map<String, Production> commands() {
        Map<String, Production> m = new HashMap<>();
        m.put("CAPABILITY", (g, t, u) -> new ImapCommand.Capability(t));
        m.put("NOOP", (g, t, u) -> new ImapCommand.Noop(t));
        m.put("LOGOUT", (g, t, u) -> new ImapCommand.Logout(t));
        m.put("STARTTLS", (g, t, u) -> new ImapCommand.StartTls(t));
        m.put("AUTHENTICATE", CommandReader::authenticate);
        m.put("LOGIN", CommandReader::login);
        m.put("ENABLE", CommandReader::enable);
        m.put("SELECT", (g, t, u) -> select(g, t, false));
        m.put("EXAMINE", (g, t, u) -> select(g, t, true));
        m.put("CREATE", CommandReader::create);
        m.put("DELETE", (g, t, u) -> new ImapCommand.Delete(t, sp(g).mailbox()));
        m.put("RENAME", (g, t, u) -> new ImapCommand.Rename(t, sp(g).mailbox(), sp(g).mailbox()));
        m.put("SUBSCRIBE", (g, t, u) -> new ImapCommand.Subscribe(t, sp(g).mailbox()));
        m.put("UNSUBSCRIBE", (g, t, u) -> new ImapCommand.Unsubscribe(t, sp(g).mailbox()));
        m.put("LIST", CommandReader::list);
        m.put("LSUB", (g, t, u) -> new ImapCommand.Lsub(t, sp(g).mailbox(), sp(g).pattern()));
        m.put("NAMESPACE", (g, t, u) -> new ImapCommand.Namespace(t));
        m.put("STATUS", (g, t, u) -> new ImapCommand.Status(t, sp(g).mailbox(), sp(g).statusItems()));
        m.put("APPEND", CommandReader::append);
        m.put("CHECK", (g, t, u) -> new ImapCommand.Check(t));
        m.put("CLOSE", (g, t, u) -> new ImapCommand.Close(t));
        m.put("UNSELECT", (g, t, u) -> new ImapCommand.Unselect(t));
        m.put("EXPUNGE", (g, t, u) -> new ImapCommand.Expunge(t, Optional.empty()));
        m.put("SEARCH", CommandReader::search);
        m.put("FETCH", CommandReader::fetch);
        m.put("STORE", CommandReader::store);
        m.put("COPY", CommandReader::copy);
        m.put("MOVE", CommandReader::move);
        m.put("SORT", CommandReader::sort);
        m.put("THREAD", CommandReader::thread);
        m.put("IDLE", (g, t, u) -> new ImapCommand.Idle(t));
        m.put("ID", (g, t, u) -> new ImapCommand.Id(t, sp(g).idParameters()));
        m.put("GETQUOTA", (g, t, u) -> new ImapCommand.GetQuota(t, sp(g).astring()));
        m.put("GETQUOTAROOT", (g, t, u) -> new ImapCommand.GetQuotaRoot(t, sp(g).mailbox()));
        m.put("COMPRESS", (g, t, u) -> new ImapCommand.Compress(t, sp(g).keyword()));
        return Map.copyOf(m);
    }

    private static CommandGrammar sp(CommandGrammar g) throws IOException, CommandException {
        g.in.sp();
        return g;
    }

    private static ImapCommand authenticate(CommandGrammar g, String tag, boolean uid)
            throws IOException, CommandException {
        String mechanism = sp(g).keyword();
        Optional<String> initial = Optional.empty();
        if (g.in.accept(' ')) {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = g.in.peek()) >= 0 && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=')) {
                sb.append((char) g.in.next());
            }
            if (sb.isEmpty()) {
                throw CommandException.syntax("Expected a base64 initial response");
            }
            initial = Optional.of(sb.toString());
        }
        return new ImapCommand.Authenticate(tag, mechanism, initial);
    }

    private static ImapCommand login(CommandGrammar g, String tag, boolean uid) throws IOException, CommandException {
        String user = sp(g).astring();
        String password = sp(g).astring();
        return new ImapCommand.Login(tag, user, password);
    }

    private static ImapCommand enable(CommandGrammar g, String tag, boolean uid) throws IOException, CommandException {
        List<String> caps = new ArrayList<>();
        do {
            caps.add(sp(g).keyword());
        } while (!g.in.atEnd());
        return new ImapCommand.Enable(tag, caps);
    }

    private static ImapCommand select(CommandGrammar g, String tag, boolean readOnly)
            throws IOException, CommandException {
        String mailbox = sp(g).mailbox();
        boolean[] condStore = {false};
        List<ImapCommand.QResync> qresync = new ArrayList<>();
        if (g.in.accept(' ')) {
            g.list(false, () -> {
                String name = g.keyword();
                switch (name) {
                    case "CONDSTORE" -> condStore[0] = true;
                    case "QRESYNC" -> {
                        g.in.sp();
                        qresync.add(qresync(g));
                    }
                    default -> throw CommandException.syntax("Unknown select parameter " + name);
                }
            });
        }
        if (qresync.size() > 1) {
            throw CommandException.syntax("QRESYNC given twice");
        }
        return new ImapCommand.Select(tag, mailbox, readOnly, condStore[0], qresync.stream().findFirst());
    }

    private static ImapCommand.QResync qresync(CommandGrammar g) throws IOException, CommandException {
        g.in.expect('(');
        long uidValidity = g.nzNumber();
        g.in.sp();
        long modSeq = g.modSeq();
        Optional<SequenceSet> known = Optional.empty();
        Optional<SequenceSet> seqs = Optional.empty();
        Optional<SequenceSet> uids = Optional.empty();
        if (g.in.accept(' ')) {
            if (g.in.peek() != '(') {
                known = Optional.of(g.sequenceSet());
                if (g.in.accept(' ')) {
                    g.in.expect('(');
                } else {
                    g.in.expect(')');
                    return new ImapCommand.QResync(uidValidity, modSeq, known, seqs, uids);
                }
            } else {
                g.in.expect('(');
            }
            seqs = Optional.of(g.sequenceSet());
            g.in.sp();
            uids = Optional.of(g.sequenceSet());
            g.in.expect(')');
        }
        g.in.expect(')');
        return new ImapCommand.QResync(uidValidity, modSeq, known, seqs, uids);
    }

    private static ImapCommand create(CommandGrammar g, String tag, boolean uid) throws IOException, CommandException {
        String mailbox = sp(g).mailbox();
        List<String> use = new ArrayList<>();
        if (g.in.accept(' ')) {
            g.list(false, () -> {
                String name = g.keyword();
                if (!name.equals("USE")) {
                    throw CommandException.syntax("Unknown create parameter " + name);
                }
                g.in.sp();
                g.list(true, () -> use.add(g.flag()));
            });
        }
        return new ImapCommand.Create(tag, mailbox, use);
    }

    private static ImapCommand list(CommandGrammar g, String tag, boolean uid) throws IOException, CommandException {
        g.in.sp();
        Set<ImapCommand.ListSelection> selection = EnumSet.noneOf(ImapCommand.ListSelection.class);
        if (g.in.peek() == '(') {
            g.list(true, () -> {
                String name = g.keyword();
                try {
                    selection.add(ImapCommand.ListSelection.valueOf(name.replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw CommandException.syntax("Unknown LIST selection option " + name);
                }
            });
            g.in.sp();
        }
        String reference = g.mailbox();
        g.in.sp();
        List<String> patterns = new ArrayList<>();
        if (g.in.peek() == '(') {
            g.list(false, () -> patterns.add(g.pattern()));
        } else {
            patterns.add(g.pattern());
        }
        Set<ImapCommand.ListReturn> returns = EnumSet.noneOf(ImapCommand.ListReturn.class);
        Set<StatusItem> status = EnumSet.noneOf(StatusItem.class);
        if (g.in.accept(' ')) {
            if (!g.keyword().equals("RETURN")) {
                throw CommandException.syntax("Expected RETURN");
            }
            g.in.sp();
            g.list(true, () -> {
                String name = g.keyword();
                try {
                    returns.add(ImapCommand.ListReturn.valueOf(name.replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw CommandException.syntax("Unknown LIST return option " + name);
                }
                if (name.equals("STATUS")) {
                    g.in.sp();
                    status.addAll(g.statusItems());
                }
            });
        }
        // RFC 5258 3.1: RECURSIVEMATCH alone, or with only REMOTE (which selects nothing by itself), is BAD.
        if (selection.contains(ImapCommand.ListSelection.RECURSIVEMATCH) && selection.stream()
                .allMatch(o -> o == ImapCommand.ListSelection.RECURSIVEMATCH || o == ImapCommand.ListSelection.REMOTE)) {
            throw CommandException.syntax("RECURSIVEMATCH needs another selection option than REMOTE");
        }
        return new ImapCommand.ListMailboxes(tag, selection, reference, patterns, returns, status);
    }

    private static ImapCommand append(CommandGrammar g, String tag, boolean uid) throws IOException, CommandException {
        String mailbox = sp(g).mailbox();
        List<ImapCommand.AppendMessage> messages = new ArrayList<>();
        do {
            g.in.sp();
            List<String> flags = List.of();
            if (g.in.peek() == '(') {
                flags = g.flagList();
                g.in.sp();
            }
            Optional<OffsetDateTime> date = Optional.empty();
            if (g.in.peek() == '"') {
                date = Optional.of(g.dateTime());
                g.in.sp();
            }
            messages.add(new ImapCommand.AppendMessage(flags, date, g.in.messageLiteral(true)));
        } while (!g.in.atEnd());
        return new ImapCommand.Append(tag, mailbox, messages);
    }

    private static ImapCommand search(CommandGrammar g, String tag, boolean uid) throws IOException, CommandException {
        Optional<Set<ImapCommand.SearchReturn>> returns = Optional.empty();
        Optional<String> charset = Optional.empty();
        g.in.sp();
        String word = leadingKeyword(g);
        if (word.equals("RETURN")) {
            g.in.sp();
            Set<ImapCommand.SearchReturn> options = EnumSet.noneOf(ImapCommand.SearchReturn.class);
            g.list(true, () -> {
                String name = g.keyword();
                try {
                    options.add(ImapCommand.SearchReturn.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw CommandException.syntax("Unknown search return option " + name);
                }
            });
            if (options.isEmpty()) {
                options.add(ImapCommand.SearchReturn.ALL);
            }
            returns = Optional.of(options);
            g.in.sp();
            word = leadingKeyword(g);
        }
        if (word.equals("CHARSET")) {
            charset = Optional.of(sp(g).charset());
            return new ImapCommand.Search(tag, uid, charset, returns, g.searchProgram());
        }
        // the first search key has been started already: finish it, then the rest
        List<SearchKey> keys = new ArrayList<>();
        keys.add(word.isEmpty() ? g.searchKey() : g.searchKey(word));
        while (!g.in.atEnd()) {
            g.in.sp();
            keys.add(g.searchKey());
        }
        SearchKey key = keys.size() == 1 ? keys.getFirst() : new SearchKey.And(keys);
        return new ImapCommand.Search(tag, uid, charset, returns, key);
    }

    /** The keyword at this point, consumed, or "" (nothing consumed) if a list or sequence set starts here. */
    private static String leadingKeyword(CommandGrammar g) throws IOException, CommandException {
        int c = g.in.peek();
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? g.keyword() : "";
    }

    private static ImapCommand fetch(CommandGrammar g, String tag, boolean uid) throws IOException, CommandException {
        SequenceSet set = sp(g).sequenceSet();
        List<FetchItem> items = sp(g).fetchItems();
        CommandGrammar.FetchModifiers modifiers = g.fetchModifiers();
        if (modifiers.vanished() && (!uid || modifiers.changedSince().isEmpty())) {
            throw CommandException.syntax("VANISHED needs UID FETCH with CHANGEDSINCE");
        }
        return new ImapCommand.Fetch(tag, uid, set, items, modifiers.changedSince(), modifiers.vanished());
    }

    private static ImapCommand store(CommandGrammar g, String tag, boolean uid) throws IOException, CommandException {
        SequenceSet set = sp(g).sequenceSet();
        g.in.sp();
        OptionalLong unchangedSince = OptionalLong.empty();
        if (g.in.peek() == '(') {
            long[] value = {-1};
            g.list(false, () -> {
                String name = g.keyword();
                if (!name.equals("UNCHANGEDSINCE")) {
                    throw CommandException.syntax("Unknown store modifier " + name);
                }
                g.in.sp();
                value[0] = g.modSeq();
            });
            unchangedSince = OptionalLong.of(value[0]);
            g.in.sp();
        }
        ImapCommand.StoreMode mode = ImapCommand.StoreMode.REPLACE;
        if (g.in.accept('+')) {
            mode = ImapCommand.StoreMode.ADD;
        } else if (g.in.accept('-')) {
            mode = ImapCommand.StoreMode.REMOVE;
        }
        String item = g.in.word(".").toUpperCase(Locale.ROOT);
        boolean silent = switch (item) {
            case "FLAGS" -> false;
            case "FLAGS.SILENT" -> true;
            default -> throw CommandException.syntax("Expected FLAGS");
        };
        g.in.sp();
        List<String> flags = new ArrayList<>();
        if (g.in.peek() == '(') {
            flags.addAll(g.flagList());
        } else {
            do {
                flags.add(g.flag());
            } while (g.in.accept(' '));
        }
        return new ImapCommand.Store(tag, uid, set, unchangedSince, mode, silent, flags);
    }

    private static ImapCommand copy(CommandGrammar g, String tag, boolean uid) throws IOException, CommandException {
        return new ImapCommand.Copy(tag, uid, sp(g).sequenceSet(), sp(g).mailbox());
    }

    private static ImapCommand move(CommandGrammar g, String tag, boolean uid) throws IOException, CommandException {
        return new ImapCommand.Move(tag, uid, sp(g).sequenceSet(), sp(g).mailbox());
    }

    private static ImapCommand uidExpunge(CommandGrammar g, String tag, boolean uid)
            throws IOException, CommandException {
        return new ImapCommand.Expunge(tag, Optional.of(sp(g).sequenceSet()));
    }

    private static ImapCommand sort(CommandGrammar g, String tag, boolean uid) throws IOException, CommandException {
        g.in.sp();
        List<ImapCommand.SortCriterion> criteria = new ArrayList<>();
        g.list(false, () -> {
            String name = g.keyword();
            boolean reverse = name.equals("REVERSE");
            if (reverse) {
                g.in.sp();
                name = g.keyword();
            }
            try {
                criteria.add(new ImapCommand.SortCriterion(ImapCommand.SortKey.valueOf(name), reverse));
            } catch (IllegalArgumentException e) {
                throw CommandException.syntax("Unknown sort key " + name);
            }
        });
        String charset = sp(g).charset();
        return new ImapCommand.Sort(tag, uid, criteria, charset, g.searchProgram());
    }

    private static ImapCommand thread(CommandGrammar g, String tag, boolean uid) throws IOException, CommandException {
        String name = sp(g).keyword();
        ImapCommand.ThreadAlgorithm algorithm;
        try {
            algorithm = ImapCommand.ThreadAlgorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw CommandException.syntax("Unknown thread algorithm " + name);
        }
        String charset = sp(g).charset();
        return new ImapCommand.Thread(tag, uid, algorithm, charset, g.searchProgram());
    }
}
