package org.koppel.store.client.soap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.Messages;
import org.koppel.store.client.Recipient;

/** {@link Messages} over SOAP. */
final class SoapMessages implements Messages {

    private final SoapCall call;

    SoapMessages(SoapCall call) {
        this.call = call;
    }

    @Override
    public EntryId create(EntryId folder, MessageContent content) {
        return WireIds.entryId(call.get((p, s) -> p.createMessage(s, folder.bytes(), MessageContentXml.of(content))));
    }

    @Override
    public List<EntryId> createAll(EntryId folder, List<MessageContent> contents) {
        List<MessageContentXml> xs = new ArrayList<>(contents.size());
        for (MessageContent c : contents) {
            xs.add(MessageContentXml.of(c));
        }
        return WireIds.entryIds(call.get((p, s) -> p.createMessages(s, folder.bytes(), xs)));
    }

    @Override
    public MessageData load(EntryId message) {
        return call.get((p, s) -> p.loadMessage(s, message.bytes())).data();
    }

    @Override
    public List<PropValue> properties(EntryId message, List<PropTag> tags) {
        return PropXml.values(call.get((p, s) -> p.messageProperties(s, message.bytes(), TableQueryXml.tags(tags))));
    }

    @Override
    public void update(EntryId message, List<PropValue> set, List<PropTag> remove) {
        call.run((p, s) -> p.updateMessage(s, message.bytes(), PropXml.of(set), TableQueryXml.tags(remove)));
    }

    @Override
    public void updateAll(List<org.koppel.store.client.MessageUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        call.run((p, s) -> p.updateMessages(s, updates.stream().map(MessageUpdateXml::of).toList()));
    }

    @Override
    public void setRecipients(EntryId message, List<Recipient> recipients) {
        call.run((p, s) -> p.setRecipients(s, message.bytes(), RecipientXml.of(recipients)));
    }

    @Override
    public void delete(List<EntryId> messages, boolean hard) {
        call.run((p, s) -> p.deleteMessages(s, WireIds.all(messages), hard));
    }

    @Override
    public void restore(List<EntryId> messages) {
        call.run((p, s) -> p.restoreMessages(s, WireIds.all(messages)));
    }

    @Override
    public int purgeDeleted(EntryId folder, Instant deletedBefore) {
        return call.get((p, s) -> p.purgeDeleted(s, folder.bytes(), FileTime.toTicks(deletedBefore)));
    }

    @Override
    public List<EntryId> copy(List<EntryId> messages, EntryId destination) {
        return WireIds.entryIds(call.get((p, s) -> p.copyMessages(s, WireIds.all(messages), destination.bytes())));
    }

    @Override
    public void move(List<EntryId> messages, EntryId destination) {
        call.run((p, s) -> p.moveMessages(s, WireIds.all(messages), destination.bytes()));
    }

    @Override
    public int setReadFlags(EntryId folder, List<EntryId> messages, boolean read) {
        return call.get((p, s) -> p.setReadFlags(s, folder.bytes(), WireIds.all(messages), read));
    }

    @Override
    public void submit(EntryId message) {
        call.run((p, s) -> p.submitMessage(s, message.bytes()));
    }

    @Override
    public boolean abortSubmit(EntryId message) {
        return call.get((p, s) -> p.abortSubmit(s, message.bytes()));
    }
}
