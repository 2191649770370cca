package org.koppel.store.client.soap;

import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.OutgoingQueue;
import org.koppel.store.client.QueuedMessage;

/** {@link OutgoingQueue} over SOAP, for a spooler on another host. */
final class SoapOutgoingQueue implements OutgoingQueue {

    private final SoapCall call;

    SoapOutgoingQueue(SoapCall call) {
        this.call = call;
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
    public void failed(EntryId message, String reason, boolean permanent) {
        call.run((p, s) -> p.outgoingFailed(s, message.bytes(), reason, permanent));
    }
}
