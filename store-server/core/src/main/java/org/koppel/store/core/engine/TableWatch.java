package org.koppel.store.core.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MapiObjectType;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.EventType;
import org.koppel.store.client.Notification;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.TableEvent;
import org.koppel.store.client.TableListener;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscribed contents table: turns the folder's object events into row events by re-reading the message
 * an event names and comparing with the rows the table had (kept as a set of row ids, about 40 bytes a
 * row). Runs on the notification thread of its subscription, one event at a time.
 */
final class TableWatch {

    private static final Logger LOG = LoggerFactory.getLogger(TableWatch.class);

    private final Scope scope;
    private final EntryId folder;
    private final TableQuery query;
    private final TableListener listener;
    private final Set<Long> rows = new HashSet<>();

    TableWatch(Scope scope, EntryId folder, TableQuery query, TableListener listener) {
        this.scope = scope;
        this.folder = folder;
        this.query = query;
        this.listener = listener;
    }

    /** Reads which rows the table has now. */
    synchronized void load() {
        rows.clear();
        rows.addAll(new EngineContents(scope).rowIds(folder, query));
    }

    synchronized void onNotification(Notification n) {
        try {
            if (n.type() == EventType.RESYNC_NEEDED || n.type() == EventType.TABLE_CHANGED) {
                load();
                listener.onTableEvent(new TableEvent(TableEvent.Kind.RELOAD, Optional.empty(), Optional.empty()));
                return;
            }
            if (n.objectType() != MapiObjectType.MAPI_MESSAGE || n.entryId().isEmpty()) {
                return;
            }
            EntryId message = n.entryId().get();
            boolean was = rows.contains(message.objectId());
            Optional<TableRow> now = row(message);
            if (now.isPresent()) {
                rows.add(message.objectId());
                listener.onTableEvent(new TableEvent(was ? TableEvent.Kind.ROW_MODIFIED : TableEvent.Kind.ROW_ADDED,
                        Optional.of(message), now));
            } else if (was) {
                rows.remove(message.objectId());
                listener.onTableEvent(new TableEvent(TableEvent.Kind.ROW_DELETED, Optional.of(message),
                        Optional.empty()));
            }
        } catch (MapiException.EndOfSession closed) {
            // The session ended; its subscriptions are closing.
        } catch (RuntimeException e) {
            LOG.warn("Table notification for {} failed: {}", folder, e.toString());
        }
    }

    /** The message's row in this table now, if it has one. */
    private Optional<TableRow> row(EntryId message) {
        return scope.tx(c -> {
            StoreObjects.LocatedMessage m;
            try {
                m = scope.ctx.objects().message(c, message, true);
            } catch (MapiException.NotFound gone) {
                return Optional.empty();
            }
            MessageRow r = m.message();
            if (r.deleted() || r.embedded() || r.associated() != query.associated()
                    || m.folder().id() != folder.objectId()) {
                return Optional.empty();
            }
            List<Recipient> recipients = MessageView.recipients(c, r.id());
            List<PropValue> props = MessageView.properties(m.store(), m.folder(), r, recipients);
            if (query.restriction().isPresent()
                    && !query.restriction().get().matches(new MessageSource(props, recipients))) {
                return Optional.empty();
            }
            List<PropValue> values = new java.util.ArrayList<>(query.columns().size());
            for (PropTag t : query.columns()) {
                values.add(MessageView.pick(props, t));
            }
            return Optional.of(new TableRow(message, values));
        });
    }
}
