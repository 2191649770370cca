package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlType;
import org.koppel.mapi.FileTime;
import org.koppel.store.client.QueuedMessage;

/** A message waiting in the outgoing queue (submit time as FILETIME ticks). */
@XmlType(name = "queuedMessage")
public final class QueuedMessageXml {
    public byte[] store;
    public byte[] message;
    public String owner;
    public long submitted;

    public static QueuedMessageXml of(QueuedMessage q) {
        QueuedMessageXml x = new QueuedMessageXml();
        x.store = q.store().bytes();
        x.message = q.message().bytes();
        x.owner = q.ownerLogin();
        x.submitted = FileTime.toTicks(q.submitted());
        return x;
    }

    public QueuedMessage queued() {
        return new QueuedMessage(WireIds.entryId(store), WireIds.entryId(message), owner, FileTime.fromTicks(submitted));
    }
}
