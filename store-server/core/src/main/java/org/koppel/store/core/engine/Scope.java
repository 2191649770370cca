package org.koppel.store.core.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.koppel.mapi.MapiException;
import org.koppel.store.core.db.SqlWork;

/** What every capability of a session shares: the engine, the caller, and whether the session is open. */
final class Scope {

    final EngineContext ctx;
    final Caller caller;
    private final AtomicBoolean open;

    Scope(EngineContext ctx, Caller caller, AtomicBoolean open) {
        this.ctx = ctx;
        this.caller = caller;
        this.open = open;
    }

    /** Runs one client operation as one transaction. */
    <T> T tx(SqlWork<T> work) {
        check();
        return ctx.db().transaction(work);
    }

    /** Refuses a call on a closed session, or on one whose account was deleted or disabled. */
    void check() {
        if (!open.get()) {
            throw new MapiException.EndOfSession("the session is closed");
        }
        if (!caller.system()) {
            // Resolved before the transaction opens, so ACL checks inside it hit the directory's cache
            // instead of taking a second pooled connection; a deleted or disabled account's session ends.
            if (!ctx.directory().isActive(caller.userId())) {
                open.set(false);
                throw new MapiException.EndOfSession("the account was deleted or disabled");
            }
        }
    }

    /**
     * Runs one write operation as one transaction, then publishes the events it recorded; a retried
     * attempt starts with an empty buffer, and a failed one publishes nothing.
     */
    <T> T write(WriteWork<T> work) {
        EventBuffer events = new EventBuffer();
        T result = tx(c -> {
            events.clear();
            T r = work.run(c, events);
            ctx.searches().afterWrite(c, events);
            return r;
        });
        List<EngineEvent> committed = events.drain();
        if (!committed.isEmpty()) {
            ctx.publisher().publish(committed);
        }
        return result;
    }

    void requireAdmin() {
        check();
        if (!caller.admin()) {
            throw new MapiException.NoAccess("administrator rights required");
        }
    }
}
