package org.koppel.gateway.imap;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.koppel.gateway.imap.syntax.ImapCommand;

/** The dispatch table: each command record type to its handler. Immutable, shared by every session. */
final class Commands {

    static final Set<SessionState> ANY = EnumSet.of(SessionState.NOT_AUTHENTICATED, SessionState.AUTHENTICATED,
            SessionState.SELECTED);
    static final Set<SessionState> NOT_AUTHENTICATED = EnumSet.of(SessionState.NOT_AUTHENTICATED);
    static final Set<SessionState> AUTHENTICATED = EnumSet.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    static final Set<SessionState> SELECTED = EnumSet.of(SessionState.SELECTED);

    private final Map<Class<? extends ImapCommand>, CommandHandler<?>> handlers;

    Commands(Map<Class<? extends ImapCommand>, CommandHandler<?>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    /** Every command of the server. */
    static Commands standard() {
        ConnectionCommands connection = new ConnectionCommands();
        LoginCommands login = new LoginCommands();
        MailboxCommands mailboxes = new MailboxCommands();
        SelectCommands select = new SelectCommands();
        return new Commands(Map.ofEntries(
                Map.entry(ImapCommand.Capability.class, connection.capability()),
                Map.entry(ImapCommand.Noop.class, connection.noop()),
                Map.entry(ImapCommand.Logout.class, connection.logout()),
                Map.entry(ImapCommand.Id.class, connection.id()),
                Map.entry(ImapCommand.Enable.class, connection.enable()),
                Map.entry(ImapCommand.Compress.class, connection.compress()),
                Map.entry(ImapCommand.StartTls.class, login.startTls()),
                Map.entry(ImapCommand.Login.class, login.login()),
                Map.entry(ImapCommand.Authenticate.class, login.authenticate()),
                Map.entry(ImapCommand.Create.class, mailboxes.create()),
                Map.entry(ImapCommand.Delete.class, mailboxes.delete()),
                Map.entry(ImapCommand.Rename.class, mailboxes.rename()),
                Map.entry(ImapCommand.Subscribe.class, mailboxes.subscribe()),
                Map.entry(ImapCommand.Unsubscribe.class, mailboxes.unsubscribe()),
                Map.entry(ImapCommand.ListMailboxes.class, new ListCommand()),
                Map.entry(ImapCommand.Lsub.class, new LsubCommand()),
                Map.entry(ImapCommand.Namespace.class, mailboxes.namespace()),
                Map.entry(ImapCommand.Status.class, new StatusCommand()),
                Map.entry(ImapCommand.GetQuota.class, new QuotaCommands().getQuota()),
                Map.entry(ImapCommand.GetQuotaRoot.class, new QuotaCommands().getQuotaRoot()),
                Map.entry(ImapCommand.Select.class, select.select()),
                Map.entry(ImapCommand.Close.class, select.close()),
                Map.entry(ImapCommand.Unselect.class, select.unselect()),
                Map.entry(ImapCommand.Check.class, select.check()),
                Map.entry(ImapCommand.Append.class, new AppendCommand()),
                Map.entry(ImapCommand.Fetch.class, new FetchCommand()),
                Map.entry(ImapCommand.Store.class, new StoreCommand()),
                Map.entry(ImapCommand.Expunge.class, new ExpungeCommand()),
                Map.entry(ImapCommand.Copy.class, new CopyCommand()),
                Map.entry(ImapCommand.Move.class, new MoveCommand()),
                Map.entry(ImapCommand.Search.class, new SearchCommand()),
                Map.entry(ImapCommand.Sort.class, new SortCommand()),
                Map.entry(ImapCommand.Thread.class, new ThreadCommand()),
                Map.entry(ImapCommand.Idle.class, new IdleCommand())));
    }

    CommandHandler<?> handler(ImapCommand command) {
        return handlers.get(command.getClass());
    }

    /** The command's name for logs and responses. */
    static String name(ImapCommand c) {
        if (c instanceof ImapCommand.Unknown u) {
            return u.name();
        }
        String n = c.getClass().getSimpleName().toUpperCase(Locale.ROOT);
        boolean uid = switch (c) {
            case ImapCommand.Fetch f -> f.uid();
            case ImapCommand.Store s -> s.uid();
            case ImapCommand.Search s -> s.uid();
            case ImapCommand.Copy s -> s.uid();
            case ImapCommand.Move s -> s.uid();
            case ImapCommand.Sort s -> s.uid();
            case ImapCommand.Thread s -> s.uid();
            case ImapCommand.Expunge e -> e.uids().isPresent();
            default -> false;
        };
        return (uid ? "UID " : "") + switch (c) {
            case ImapCommand.ListMailboxes l -> "LIST";
            case ImapCommand.Select s -> s.readOnly() ? "EXAMINE" : "SELECT";
            default -> n;
        };
    }

    /**
     * Whether EXPUNGE responses may be sent while the command completes: not during FETCH, STORE and SEARCH
     * (and SORT and THREAD) by message number, whose numbers the client must be able to trust (RFC 9051 7.5.1).
     */
    static boolean allowsExpunge(ImapCommand c) {
        return switch (c) {
            case ImapCommand.Fetch f -> f.uid();
            case ImapCommand.Store s -> s.uid();
            case ImapCommand.Search s -> s.uid();
            case ImapCommand.Sort s -> s.uid();
            case ImapCommand.Thread t -> t.uid();
            default -> true;
        };
    }
}
