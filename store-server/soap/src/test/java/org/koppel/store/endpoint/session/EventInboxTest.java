package org.koppel.store.endpoint.session;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiObjectType;
import org.koppel.store.client.EventType;
import org.koppel.store.client.Notification;

/** The per-session queue behind long-polls: no event lost, none waiting forever, bounded. */
class EventInboxTest {

    private static final EntryId STORE = EntryId.of(Guid.random(), MapiObjectType.MAPI_STORE, 1);

    private static InboxEvent event(int n) {
        return InboxEvent.of("sub", new Notification(EventType.OBJECT_CREATED, MapiObjectType.MAPI_MESSAGE, STORE,
                Optional.of(EntryId.of(STORE.storeGuid(), MapiObjectType.MAPI_MESSAGE, n)), Optional.empty(),
                Optional.empty(), "", 0));
    }

    private static long id(InboxEvent e) {
        return e.notification().orElseThrow().entryId().orElseThrow().objectId();
    }

    @Test
    void aWaitingPollGetsTheNextEventAndAnEarlyOneIsKept() {
        EventInbox inbox = new EventInbox();
        inbox.offer(event(1));
        List<List<InboxEvent>> got = new ArrayList<>();
        assertTrue(inbox.poll(got::add), "an event was waiting");
        assertEquals(1, got.get(0).size());
        Consumer<List<InboxEvent>> waiting = got::add;
        assertFalse(inbox.poll(waiting));
        inbox.offer(event(2));
        assertEquals(2, got.size());
        assertFalse(inbox.cancel(waiting), "already answered");
    }

    @Test
    void aTimedOutPollLeavesLaterEventsForTheNext() {
        EventInbox inbox = new EventInbox();
        List<List<InboxEvent>> got = new ArrayList<>();
        Consumer<List<InboxEvent>> first = got::add;
        assertFalse(inbox.poll(first));
        assertTrue(inbox.cancel(first));
        inbox.offer(event(3));
        assertTrue(got.isEmpty());
        assertTrue(inbox.poll(got::add));
        assertEquals(3, id(got.get(0).get(0)));
    }

    @Test
    void undeliveredEventsGoBackInOrderAndOverflowBecomesOneResync() {
        EventInbox inbox = new EventInbox();
        inbox.offer(event(5));
        inbox.requeue(List.of(event(3), event(4)));
        List<List<InboxEvent>> got = new ArrayList<>();
        inbox.poll(got::add);
        assertEquals(List.of(3L, 4L, 5L), got.get(0).stream().map(EventInboxTest::id).toList());
        for (int i = 0; i < EventInbox.LIMIT + 10; i++) {
            inbox.offer(event(i));
        }
        got.clear();
        inbox.poll(got::add);
        assertEquals(1, got.get(0).size());
        assertTrue(got.get(0).get(0).isOverflow(), "one overflow marker stands for the lost events");
    }

    @Test
    void aNewPollReplacesAWaitingOneWhichIsAnsweredEmpty() {
        EventInbox inbox = new EventInbox();
        List<List<InboxEvent>> old = new ArrayList<>();
        List<List<InboxEvent>> now = new ArrayList<>();
        inbox.poll(old::add);
        inbox.poll(now::add);
        assertEquals(List.of(List.of()), old);
        inbox.offer(event(9));
        assertEquals(1, now.size());
    }

    @Test
    void closingAnswersTheWaitingPollAndDropsLaterEvents() {
        EventInbox inbox = new EventInbox();
        List<List<InboxEvent>> got = new ArrayList<>();
        assertFalse(inbox.poll(got::add));
        inbox.close();
        assertEquals(List.of(List.of()), got, "the waiting poll is answered at once");
        inbox.offer(event(1));
        assertFalse(inbox.poll(got::add), "nothing is queued after the session ended");
    }
}
