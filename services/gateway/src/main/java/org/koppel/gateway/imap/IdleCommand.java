package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.koppel.gateway.imap.syntax.CommandException;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IDLE (RFC 2177): while the connection's thread waits for DONE, a store notification on the selected folder
 * starts a short-lived virtual thread that sends EXISTS, EXPUNGE and FETCH at once. Nothing polls, and an idle
 * client costs one parked thread and a subscription; a burst of notifications coalesces into one push.
 */
final class IdleCommand implements CommandHandler<ImapCommand.Idle> {

    private static final Logger LOG = LoggerFactory.getLogger(IdleCommand.class);

    @Override
    public Set<SessionState> states() {
        return Commands.AUTHENTICATED;
    }

    @Override
    public void handle(ImapCommand.Idle c, ImapSession s) throws IOException {
        s.sendUpdates(true);
        s.out().line("+ idling");
        s.out().flush();
        Selected selected = s.selected();
        Push push = selected == null ? null : new Push(s);
        if (push != null) {
            selected.watch().onChange(push::request);
            // A change that came after the updates above but before the hook was set only flipped the watch's
            // bit: push once so it is not held back until the next change (RFC 2177: sent as it happens).
            push.request();
        }
        Optional<String> line;
        try {
            line = s.reader().readContinuationLine();
        } catch (CommandException e) {
            line = Optional.of("");
        } finally {
            if (push != null) {
                selected.watch().onChange(null);
                push.stop();
            }
        }
        if (line.isEmpty()) {
            throw new java.io.EOFException("client left during IDLE");
        }
        if (!line.get().equalsIgnoreCase("DONE")) {
            s.bad(c.tag(), "Expected DONE.");
            return;
        }
        s.complete(c, "IDLE terminated.");
    }

    /**
     * The pushes of one IDLE. {@link #request} runs on the store's notification thread, so it only starts a
     * virtual thread (unless one is already on its way); the pushes and {@link #stop} take the same lock, so no
     * push writes after IDLE ended and the session's own thread owns the view again.
     */
    private static final class Push {
        private final ImapSession session;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private boolean stopped;

        Push(ImapSession session) {
            this.session = session;
        }

        void request() {
            if (scheduled.compareAndSet(false, true)) {
                Thread.ofVirtual().name("imap-idle-push").start(this::run);
            }
        }

        private void run() {
            synchronized (this) {
                scheduled.set(false);
                if (stopped) {
                    return;
                }
                try {
                    session.sendUpdates(true);
                    session.out().flush();
                } catch (IOException | RuntimeException e) {
                    LOG.debug("IDLE push to {} failed: {}", session.connection().remote(), e.toString());
                }
            }
        }

        /** Waits for a push in progress, and lets none start after. */
        synchronized void stop() {
            stopped = true;
        }
    }
}
