package org.koppel.store.client.soap;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.NotificationListener;
import org.koppel.store.client.OutgoingQueue;
import org.koppel.store.client.QueuedMessage;
import org.koppel.store.client.Subscription;

/** {@link OutgoingQueue} over SOAP, for a spooler on another host. */
final class SoapOutgoingQueue implements OutgoingQueue {

    private final SoapCall call;
    private final SoapNotifications notifications;

    SoapOutgoingQueue(SoapCall call, SoapNotifications notifications) {
        this.call = call;
        this.notifications = notifications;
    }

    @Override
    public Subscription watch(NotificationListener listener) {
        return notifications.watchQueue(() -> call.get((p, s) -> p.outgoingWatch(s)), listener);
    }

    @Override
    public Optional<Instant> nextDue() {
        Long due = call.get((p, s) -> p.outgoingNextDue(s));
        return due == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(due));
    }

    @Override
    public List<QueuedMessage> pending(int max) {
        return WireIds.list(call.get((p, s) -> p.outgoingPending(s, max))).stream().map(QueuedMessageXml::queued)
                .toList();
    }

    @Override
    public boolean lock(EntryId message) {
        return call.get((p, s) -> p.outgoingLock(s, message.bytes()));
    }

    @Override
    public void sent(EntryId message) {
        call.run((p, s) -> p.outgoingSent(s, message.bytes()));
    }

    @Override
    public void partlySent(EntryId message, Collection<Integer> done, String reason) {
        List<Integer> rows = List.copyOf(done);
        call.run((p, s) -> p.outgoingPartlySent(s, message.bytes(), rows, reason));
    }

    @Override
    public void failed(EntryId message, String reason, boolean permanent) {
        call.run((p, s) -> p.outgoingFailed(s, message.bytes(), reason, permanent));
    }
}
