package org.koppel.store.api;

import static org.koppel.mapi.PropTags.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;

/**
 * A message in a folder (mail, appointment, contact, ...): its common properties, recipients and attachments,
 * and what can be done with it. The message is loaded on first use and kept; {@link #refresh()} reads it
 * again. Changes go to the store at once, one transaction each.
 */
public final class Item {

    private final Session session;
    private final EntryId entryId;
    private MessageData data;

    Item(Session session, EntryId entryId) {
        this.session = Objects.requireNonNull(session, "session");
        this.entryId = Objects.requireNonNull(entryId, "entryId");
    }

    public EntryId entryId() {
        return entryId;
    }

    /** The whole message as the session API gives it (all properties, recipients, attachments). */
    public synchronized MessageData data() {
        if (data == null) {
            data = session.messages().load(entryId);
        }
        return data;
    }

    /** Reads the message again (after someone else changed it). */
    public synchronized Item refresh() {
        data = null;
        return this;
    }

    /** A property's value, empty if the message has none. */
    public Optional<Object> property(PropTag tag) {
        return data().property(tag).map(PropValue::javaValue);
    }

    private Optional<String> string(PropTag tag) {
        return property(tag).map(Object::toString).filter(s -> !s.isEmpty());
    }

    private Optional<Instant> time(PropTag tag) {
        return property(tag).filter(Instant.class::isInstance).map(Instant.class::cast);
    }

    public String subject() {
        return string(PR_SUBJECT).orElse("");
    }

    /** The plain-text body (PR_BODY), empty if there is none. */
    public String body() {
        return string(PR_BODY).orElse("");
    }

    /** The HTML body (PR_HTML), read as UTF-8, if there is one. */
    public Optional<String> html() {
        return property(PR_HTML).filter(byte[].class::isInstance)
                .map(b -> new String((byte[]) b, StandardCharsets.UTF_8));
    }

    public String messageClass() {
        return string(PR_MESSAGE_CLASS).orElse("IPM.Note");
    }

    /** Who sent it: PR_SENDER_* (the SMTP address when known), else PR_SENT_REPRESENTING_*. */
    public Optional<Address> sender() {
        Optional<String> name = string(PR_SENDER_NAME);
        Optional<String> email = string(PR_SENDER_SMTP_ADDRESS).or(() -> string(PR_SENDER_EMAIL_ADDRESS));
        if (name.isEmpty() && email.isEmpty()) {
            name = string(PR_SENT_REPRESENTING_NAME);
            email = string(PR_SENT_REPRESENTING_SMTP_ADDRESS).or(() -> string(PR_SENT_REPRESENTING_EMAIL_ADDRESS));
        }
        if (name.isEmpty() && email.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Address(name.orElse(""), email.orElse("")));
    }

    /** Every recipient, in the order of the recipient table. */
    public List<Address> recipients() {
        return data().recipients().stream().map(Item::address).toList();
    }

    /** The recipients of one type (To, Cc or Bcc). */
    public List<Address> recipients(RecipientType type) {
        return data().recipients().stream().filter(r -> r.type() == type).map(Item::address).toList();
    }

    private static Address address(Recipient r) {
        String smtp = r.properties().stream().filter(v -> v.tag().equals(PR_SMTP_ADDRESS))
                .map(v -> (String) v.javaValue()).findFirst().orElse(r.email());
        return new Address(r.displayName(), smtp);
    }

    public List<Attachment> attachments() {
        return data().attachments().stream().map(a -> new Attachment(session, entryId, a)).toList();
    }

    /** When it was delivered (PR_MESSAGE_DELIVERY_TIME), for items that arrived. */
    public Optional<Instant> received() {
        return time(PR_MESSAGE_DELIVERY_TIME);
    }

    /** When it was submitted for sending (PR_CLIENT_SUBMIT_TIME). */
    public Optional<Instant> sent() {
        return time(PR_CLIENT_SUBMIT_TIME);
    }

    public Instant created() {
        return time(PR_CREATION_TIME).orElseThrow();
    }

    public Instant modified() {
        return time(PR_LAST_MODIFICATION_TIME).orElseThrow();
    }

    public int flags() {
        return (Integer) property(PR_MESSAGE_FLAGS).orElse(0);
    }

    public boolean read() {
        return MessageFlags.MSGFLAG_READ.isSet(flags());
    }

    /** Whether it is waiting in the outgoing queue. */
    public boolean submitted() {
        return MessageFlags.MSGFLAG_SUBMIT.isSet(flags());
    }

    public Importance importance() {
        return property(PR_IMPORTANCE).map(v -> Importance.fromCode((Integer) v)).orElse(Importance.NORMAL);
    }

    /** The message's size in bytes as the store counts it (PR_MESSAGE_SIZE_EXTENDED). */
    public long size() {
        return property(PR_MESSAGE_SIZE_EXTENDED).map(v -> ((Number) v).longValue()).orElse(0L);
    }

    /** The message's source key, the identity change tracking names it by. */
    public SourceKey sourceKey() {
        return SourceKey.parse((byte[]) property(PR_SOURCE_KEY).orElseThrow());
    }

    /** The folder holding it (an embedded message has none). */
    public EntryId folderId() {
        return data().folder().orElseThrow(() -> new org.koppel.mapi.MapiException.NoSupport(
                "an embedded message is in no folder"));
    }

    /** Sets or clears the read flag (a read-state change: the change key stays). */
    public Item setRead(boolean read) {
        session.messages().setReadFlags(folderId(), List.of(entryId), read);
        return refresh();
    }

    public Item setSubject(String subject) {
        return set(List.of(PropValue.of(PR_SUBJECT, Objects.requireNonNull(subject, "subject"))));
    }

    public Item setBody(String body) {
        return set(List.of(PropValue.of(PR_BODY, Objects.requireNonNull(body, "body"))));
    }

    public Item setImportance(Importance importance) {
        return set(List.of(PropValue.of(PR_IMPORTANCE, importance.code())));
    }

    /** Sets properties; anything else on the message stays as it is. */
    public Item set(List<PropValue> values) {
        session.messages().update(entryId, values, List.of());
        return refresh();
    }

    /**
     * Moves it into a folder and returns it there: the same entry id inside a store; into another store a
     * copy is made and this one deleted, so the returned item has a new one.
     */
    public Item move(Folder destination) {
        if (destination.entryId().storeGuid().equals(entryId.storeGuid())) {
            session.messages().move(List.of(entryId), destination.entryId());
            return refresh();
        }
        Item copy = copy(destination);
        session.messages().delete(List.of(entryId), true);
        return copy;
    }

    /** Copies it into a folder; returns the copy. */
    public Item copy(Folder destination) {
        return new Item(session, session.messages().copy(List.of(entryId), destination.entryId()).get(0));
    }

    /** Deletes it softly: it can be restored until purged, as MAPI's DeleteMessages does. */
    public void delete() {
        session.messages().delete(List.of(entryId), false);
    }

    /** Submits it for sending ({@code Messages.submit}); it needs recipients. */
    public Item send() {
        session.messages().submit(entryId);
        return refresh();
    }

    /** Takes a submitted item back out of the outgoing queue; false if the spooler already has it. */
    public boolean abortSend() {
        boolean aborted = session.messages().abortSubmit(entryId);
        refresh();
        return aborted;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Item i && i.entryId.equals(entryId);
    }

    @Override
    public int hashCode() {
        return entryId.hashCode();
    }

    @Override
    public String toString() {
        return "Item[" + entryId + "]";
    }
}
