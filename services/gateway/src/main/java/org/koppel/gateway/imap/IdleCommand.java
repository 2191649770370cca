package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.koppel.gateway.imap.syntax.CommandException;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IDLE (RFC 2177): while the connection's thread waits for DONE, a second virtual thread sleeps on the selected
 * folder's notifications and sends EXISTS, EXPUNGE and FETCH as they happen. Nothing polls; an idle client costs
 * two parked virtual threads and a subscription.
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
        Semaphore wake = new Semaphore(0);
        boolean[] stop = {false};
        Thread pusher = null;
        if (selected != null) {
            selected.watch().onChange(wake::release);
            // A change that came after the updates above but before the hook was set only flipped the watch's
            // bit: wake the pusher once so it is not held back until the next change (RFC 2177: sent as it happens).
            wake.release();
            pusher = Thread.ofVirtual().name("imap-idle").start(() -> {
                try {
                    while (true) {
                        wake.acquire();
                        wake.drainPermits();
                        synchronized (stop) {
                            if (stop[0]) {
                                return;
                            }
                        }
                        s.sendUpdates(true);
                        s.out().flush();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException | RuntimeException e) {
                    LOG.debug("IDLE push to {} failed: {}", s.connection().remote(), e.toString());
                }
            });
        }
        Optional<String> line;
        try {
            line = s.reader().readContinuationLine();
        } catch (CommandException e) {
            line = Optional.of("");
        } finally {
            if (pusher != null) {
                selected.watch().onChange(null);
                synchronized (stop) {
                    stop[0] = true;
                }
                wake.release();
                try {
                    pusher.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
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
}
