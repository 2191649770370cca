package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlType;
import java.util.Optional;
import org.koppel.mapi.MapiObjectType;
import org.koppel.store.client.EventType;
import org.koppel.store.client.Notification;
import org.koppel.store.client.TableEvent;

/**
 * One event a long-poll returns, for the subscription that caught it: an object notification
 * ({@code type} ...) or, for a table subscription, a table event ({@code tableEvent}, the row and its
 * columns). A RESYNC_NEEDED notification without a subscription means the session's queue overflowed
 * and every subscriber should re-read its state.
 */
@XmlType(name = "event")
public final class EventXml {
    public String subscription;
    public EventType type;
    public int objectType;
    public byte[] store;
    public byte[] entryId;
    public byte[] parent;
    public byte[] oldParent;
    public String messageClass;
    public int messageFlags;
    /** For table events: ROW_ADDED, ROW_MODIFIED, ROW_DELETED or RELOAD. */
    public String tableEvent;
    public TableXml.RowXml row;

    public static EventXml of(String subscription, Notification n) {
        EventXml x = new EventXml();
        x.subscription = subscription;
        x.type = n.type();
        x.objectType = n.objectType().code();
        x.store = n.store().bytes();
        x.entryId = WireIds.bytes(n.entryId());
        x.parent = WireIds.bytes(n.parent());
        x.oldParent = WireIds.bytes(n.oldParent());
        x.messageClass = n.messageClass();
        x.messageFlags = n.messageFlags();
        return x;
    }

    public static EventXml of(String subscription, TableEvent e) {
        EventXml x = new EventXml();
        x.subscription = subscription;
        x.type = EventType.TABLE_CHANGED;
        x.tableEvent = e.kind().name();
        x.entryId = WireIds.bytes(e.row());
        x.row = e.values().map(TableXml.RowXml::of).orElse(null);
        return x;
    }

    public boolean isTableEvent() {
        return tableEvent != null;
    }

    public Notification notification() {
        return new Notification(type, MapiObjectType.fromCode(objectType), WireIds.entryId(store),
                WireIds.optional(entryId), WireIds.optional(parent), WireIds.optional(oldParent), messageClass,
                messageFlags);
    }

    public TableEvent tableEvent() {
        return new TableEvent(TableEvent.Kind.valueOf(tableEvent), WireIds.optional(entryId),
                row == null ? Optional.empty() : Optional.of(row.row()));
    }
}
