package org.koppel.gateway.imap;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.koppel.gateway.imap.syntax.CommandException;
import org.koppel.gateway.imap.syntax.CommandReader;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.mailbox.Flags;
import org.koppel.gateway.mailbox.MailAccount;
import org.koppel.gateway.mailbox.MailboxException;
import org.koppel.gateway.mailbox.MailboxView;
import org.koppel.gateway.net.Connection;
import org.koppel.mapi.MapiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IMAP connection: reads commands, hands each to its handler, and tells the client of changes to the
 * selected mailbox at the points RFC 9051 7.5.1 allows. Runs on the connection's virtual thread.
 */
final class ImapSession {

    private static final Logger LOG = LoggerFactory.getLogger(ImapSession.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("org.koppel.gateway.imap.access");

    private final Connection connection;
    private final ImapContext context;
    private final ImapOutput out;
    private CommandReader reader;
    private SessionState state = SessionState.NOT_AUTHENTICATED;
    private MailAccount account;
    private Selected selected;
    private final Set<String> enabled = new HashSet<>();
    private long[] savedSearch = new long[0];
    private int badCommands;
    private boolean compressed;
    /** CONDSTORE was enabled while a mailbox was selected: its HIGHESTMODSEQ goes out with this command. */
    private boolean announceHighestModSeq;

    ImapSession(Connection connection, ImapContext context) {
        this.connection = connection;
        this.context = context;
        this.out = new ImapOutput(connection.out());
        this.reader = new CommandReader(connection.in(), context.limits());
    }

    void run() throws IOException {
        try {
            out.untagged("OK", Optional.of("CAPABILITY " + Capabilities.list(this)),
                    context.config().hostname() + " Koppel IMAP4rev2 server ready.");
            out.flush();
            while (state != SessionState.LOGOUT) {
                Optional<ImapCommand> command;
                try {
                    command = reader.read(() -> {
                        out.line("+ Ready for literal data");
                        out.flush();
                    });
                } catch (CommandException e) {
                    refuse(e);
                    continue;
                }
                if (command.isEmpty()) {
                    return;
                }
                execute(command.get());
            }
        } catch (java.net.SocketTimeoutException e) {
            out.untagged("BYE", Optional.empty(), "Idle for too long, closing.");
            out.flush();
        } catch (EOFException | SocketException | InterruptedIOException e) {
            LOG.debug("IMAP connection from {} ended: {}", connection.remote(), e.toString());
        } finally {
            closeSelected();
            if (account != null) {
                account.session().close();
            }
        }
    }

    private void refuse(CommandException e) throws IOException {
        String tag = e.tag().orElse("*");
        switch (e.reason()) {
            case TOO_BIG -> out.tagged(tag, "NO", Optional.of("TOOBIG"), e.getMessage() + ".");
            case BAD_CHARSET -> out.tagged(tag, "NO", Optional.of("BADCHARSET (US-ASCII UTF-8)"),
                    e.getMessage() + ".");
            case LINE_TOO_LONG -> {
                out.untagged("BYE", Optional.of("TOOBIG"), "Command line too long.");
                out.flush();
                drainBriefly();
                state = SessionState.LOGOUT;
                return;
            }
            case SYNTAX -> {
                out.tagged(tag, "BAD", Optional.empty(), e.getMessage() + ".");
                countBad();
            }
        }
        if (e.disconnect() && state != SessionState.LOGOUT) {
            out.untagged("BYE", Optional.empty(), "Closing the connection after that error.");
            out.flush();
            state = SessionState.LOGOUT;
        }
    }

    /**
     * Reads and drops what the client is still sending (at most 1 MiB, for at most a second) before the close, so
     * the BYE is not lost to the TCP reset that closing with unread input causes.
     */
    private void drainBriefly() {
        try {
            connection.idleTimeout(java.time.Duration.ofMillis(200));
            byte[] sink = new byte[8192];
            long deadline = System.nanoTime() + 1_000_000_000L;
            long left = 1 << 20;
            int n;
            while (left > 0 && System.nanoTime() < deadline && (n = connection.in().read(sink)) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // quiet or gone: either way, time to close
        }
    }

    private void countBad() throws IOException {
        if (++badCommands >= context.config().maxBadCommands()) {
            out.untagged("BYE", Optional.empty(), "Too many invalid commands.");
            out.flush();
            state = SessionState.LOGOUT;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void execute(ImapCommand command) throws IOException {
        long start = System.nanoTime();
        CommandHandler handler = context.commands().handler(command);
        String name = Commands.name(command);
        if (handler == null) {
            out.tagged(command.tag(), "BAD", Optional.empty(), "Unknown command " + name + ".");
            countBad();
            return;
        }
        if (!handler.states().contains(state)) {
            out.tagged(command.tag(), "BAD", Optional.empty(), name + " is not valid in this state.");
            countBad();
            return;
        }
        try {
            handler.handle(command, this);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            if (!out.atLineStart()) {
                // Half a response is on the wire: nothing meaningful can follow it on this connection.
                LOG.warn("IMAP {} of {} failed in the middle of a response", name, user(), e);
                throw new IOException("a response was cut short: " + e, e);
            }
            refuse(command, name, e);
        } finally {
            if (command instanceof ImapCommand.Append a) {
                a.close();
            }
        }
        if (ACCESS.isInfoEnabled()) {
            ACCESS.info("{} user={} cmd={} ms={}", connection.remote().getAddress().getHostAddress(), user(), name,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Answers a command that failed with the status its failure calls for. */
    private void refuse(ImapCommand command, String name, RuntimeException e) throws IOException {
        switch (e) {
            case MailboxException m -> fail(command.tag(), m.reason().name(), m.getMessage());
            case MessageSyntax.UnknownCte u -> fail(command.tag(), "UNKNOWN-CTE",
                    "Cannot decode a part: " + u.getMessage() + ".");
            case MapiException.NoAccess n -> fail(command.tag(), "NOPERM", "Permission denied.");
            case MapiException.StoreFull f -> fail(command.tag(), "OVERQUOTA", "Quota exceeded.");
            case MapiException.NotFound n -> gone(command);
            case MapiException.ObjectDeleted n -> gone(command);
            case MapiException m -> {
                LOG.warn("IMAP {} of {} failed in the store: {}", name, user(), m.toString());
                fail(command.tag(), "SERVERBUG", "The store failed: " + m.getClass().getSimpleName() + ".");
            }
            default -> {
                LOG.warn("IMAP {} of {} failed", name, user(), e);
                fail(command.tag(), "SERVERBUG", "Internal error; the administrator can find it in the log.");
            }
        }
    }

    /** Something the command needed was deleted meanwhile; if it was the selected mailbox, the session ends. */
    private void gone(ImapCommand command) throws IOException {
        if (selectedGone()) {
            // Its messages can no longer be numbered or fetched; end the session rather than serve stale data.
            out.untagged("BYE", Optional.empty(), "The selected mailbox was deleted.");
            out.flush();
            state = SessionState.LOGOUT;
            return;
        }
        // Another session (or Outlook) deleted the folder or message between our lookup and the store call.
        fail(command.tag(), "NONEXISTENT", "It no longer exists.");
    }

    /** Whether the selected mailbox was deleted behind this session's back. */
    private boolean selectedGone() {
        if (selected == null) {
            return false;
        }
        try {
            account.session().folders().info(selected.mailbox().folder());
            return false;
        } catch (MapiException.NotFound e) {
            return true;
        }
    }

    private String user() {
        return account == null ? "-" : account.session().user().login();
    }

    // ---- what handlers use

    ImapContext context() {
        return context;
    }

    Connection connection() {
        return connection;
    }

    ImapOutput out() {
        return out;
    }

    SessionState state() {
        return state;
    }

    MailAccount account() {
        return account;
    }

    Selected selected() {
        return selected;
    }

    boolean passwordsAllowed() {
        return connection.secure() || !context.config().disablePlaintextAuth();
    }

    boolean isEnabled(String capability) {
        return enabled.contains(capability);
    }

    /** CONDSTORE is on once enabled, or once a command used it (RFC 7162 3.1). */
    void enable(String capability) {
        boolean condStoreBefore = condStore();
        enabled.add(capability.toUpperCase(Locale.ROOT));
        if (capability.equalsIgnoreCase("QRESYNC")) {
            enabled.add("CONDSTORE");
        }
        if (!condStoreBefore && condStore() && selected != null) {
            // CONDSTORE enabled with a mailbox selected: tell its HIGHESTMODSEQ with this command (RFC 7162 3.1)
            announceHighestModSeq = true;
        }
        if (capability.equalsIgnoreCase("UTF8=ACCEPT")) {
            reader.utf8Accept(true);
            out.utf8(true);
        }
    }

    boolean condStore() {
        return enabled.contains("CONDSTORE");
    }

    /** A message's FLAGS list as this session sees it: the stored flags, and \\Recent if it is recent here. */
    String flagList(long uid, Flags flags) {
        List<String> names = flags.names();
        if (selected != null && selected.recent().contains(uid)) {
            names = new ArrayList<>(names);
            names.add("\\Recent");
        }
        return ImapOutput.flags(names);
    }

    boolean rev2() {
        return enabled.contains("IMAP4REV2");
    }

    long[] savedSearch() {
        return savedSearch;
    }

    void saveSearch(long[] uids) {
        savedSearch = uids.clone();
    }

    void loggedIn(MailAccount a) {
        this.account = a;
        this.state = SessionState.AUTHENTICATED;
    }

    void select(Selected s) {
        closeSelected();
        this.selected = s;
        this.state = SessionState.SELECTED;
        this.savedSearch = new long[0];
    }

    void unselect() {
        announceHighestModSeq = false;
        closeSelected();
        if (state == SessionState.SELECTED) {
            state = SessionState.AUTHENTICATED;
        }
    }

    private void closeSelected() {
        if (selected != null) {
            selected.close();
            selected = null;
        }
    }

    void logout() {
        state = SessionState.LOGOUT;
    }

    /** After STARTTLS: new streams, and anything the client pipelined in plaintext is gone with the old reader. */
    void startTls() throws IOException {
        connection.startTls();
        reader = new CommandReader(connection.in(), context.limits());
        out.switchTo(connection.out());
    }

    boolean compressed() {
        return compressed;
    }

    /** After COMPRESS DEFLATE (RFC 4978): raw DEFLATE both ways, flushed at the end of each response. */
    void compress() {
        compressed = true;
        reader = new CommandReader(new java.util.zip.InflaterInputStream(connection.in(),
                new java.util.zip.Inflater(true), 8192), context.limits());
        out.switchTo(new java.util.zip.DeflaterOutputStream(connection.out(),
                new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true), 8192, true));
        if (enabled.contains("UTF8=ACCEPT")) {
            reader.utf8Accept(true);
        }
    }

    CommandReader reader() {
        return reader;
    }

    /**
     * Brings the selected mailbox's view up to date if the store said something changed, and tells the client:
     * EXPUNGE (or VANISHED under QRESYNC) only when {@code allowExpunge}, then EXISTS and flag changes.
     */
    void sendUpdates(boolean allowExpunge) throws IOException {
        if (selected == null) {
            return;
        }
        if (selected.watch().takeChanged()) {
            try {
                selected.view().refresh();
            } catch (MapiException.NotFound e) {
                selected.watch().markChanged(); // the folder is gone: every later command must find out too
                throw e;
            }
        }
        if (announceHighestModSeq) {
            announceHighestModSeq = false;
            out.untagged("OK", Optional.of("HIGHESTMODSEQ " + selected.view().highestModSeq()), "Highest.");
        }
        MailboxView.Updates u = selected.view().drain(allowExpunge);
        if (u.isEmpty()) {
            return;
        }
        if (!u.expunged().isEmpty()) {
            if (isEnabled("QRESYNC")) {
                out.line("* VANISHED " + Uids.compact(u.vanished()));
            } else {
                for (int seq : u.expunged()) {
                    out.line("* " + seq + " EXPUNGE");
                }
            }
        }
        if (u.exists() >= 0) {
            out.line("* " + u.exists() + " EXISTS");
            if (!rev2()) {
                // New messages: this session is the first to be told of those no other session claimed.
                long highest = selected.view().uidNext() - 1;
                if (!selected.readOnly()) {
                    selected.recent().add(context.recent().claim(selected.mailbox().folder(), highest), highest);
                }
                out.line("* " + selected.recent().count(selected.view().uids()) + " RECENT");
            }
        }
        for (MailboxView.FlagChange f : u.flags()) {
            out.line("* " + f.seq() + " FETCH (UID " + f.uid() + " FLAGS " + flagList(f.uid(), f.flags())
                    + (condStore() ? " MODSEQ (" + f.modSeq() + ")" : "") + ")");
        }
    }

    /**
     * NOOP and CHECK are the client's poll for changes (RFC 9051 6.1.2): the store's notifications arrive
     * asynchronously, so a change made just before (by Outlook, a phone, another session) may not have flipped the
     * watch yet; read the folder's changes regardless.
     */
    void poll() {
        if (selected != null) {
            selected.watch().markChanged();
        }
    }

    /** Sends pending updates (EXPUNGE allowed unless the command forbids it) and the tagged OK. */
    void complete(ImapCommand command, Optional<String> code, String text) throws IOException {
        sendUpdates(Commands.allowsExpunge(command));
        out.tagged(command.tag(), "OK", code, text);
    }

    void complete(ImapCommand command, String text) throws IOException {
        complete(command, Optional.empty(), text);
    }

    void fail(String tag, String code, String text) throws IOException {
        out.tagged(tag, "NO", Optional.ofNullable(code), text);
    }

    void bad(String tag, String text) throws IOException {
        out.tagged(tag, "BAD", Optional.empty(), text);
        countBad();
    }
}
