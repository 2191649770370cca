package org.koppel.store.endpoint.session;

import java.util.Optional;
import org.koppel.store.client.Notification;
import org.koppel.store.client.TableEvent;

/**
 * An event waiting in a network session's inbox, with the id of the subscription that caught it: an object
 * notification or a table event. The overflow marker has neither: the session lost events and every
 * subscriber must re-read its state (RESYNC_NEEDED).
 */
public record InboxEvent(Optional<String> subscription, Optional<Notification> notification,
        Optional<TableEvent> tableEvent) {

    static final InboxEvent OVERFLOW = new InboxEvent(Optional.empty(), Optional.empty(), Optional.empty());

    public static InboxEvent of(String subscription, Notification n) {
        return new InboxEvent(Optional.of(subscription), Optional.of(n), Optional.empty());
    }

    public static InboxEvent of(String subscription, TableEvent e) {
        return new InboxEvent(Optional.of(subscription), Optional.empty(), Optional.of(e));
    }

    public boolean isOverflow() {
        return subscription.isEmpty();
    }
}
