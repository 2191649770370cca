package org.koppel.gateway.mailbox;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;
import org.koppel.mapi.SourceKey;

/** The compact tables behave like the maps they replace: random puts and removes checked against a TreeMap. */
class MessageTableTest {

    private static final Guid REPLICA = new Guid(UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"));

    private static MessageEntry entry(long uid, long modSeq, boolean read, List<String> categories) {
        return new MessageEntry(uid, modSeq, EntryId.of(REPLICA, org.koppel.mapi.MapiObjectType.MAPI_MESSAGE, uid * 7), SourceKey.of(REPLICA, uid + 1000),
                new FlagProperties.Raw(read, 0, (int) (uid % 3) * 0x200, (int) (uid % 2) * 2, 0, categories),
                new InternalDate(Instant.ofEpochMilli(uid * 1000), (int) (uid % 5 - 2) * 60),
                uid * 10);
    }

    @Test
    void randomPutsAndRemovesMatchASortedMap() {
        Random random = new Random(42);
        MessageTable table = new MessageTable();
        TreeMap<Long, MessageEntry> reference = new TreeMap<>();
        for (int step = 0; step < 5000; step++) {
            long uid = 1 + random.nextInt(400);
            if (random.nextInt(4) == 0) {
                table.remove(uid);
                reference.remove(uid);
            } else {
                MessageEntry e = entry(uid, step, random.nextBoolean(),
                        random.nextInt(10) == 0 ? List.of("Red", "$Label1") : List.of());
                table.put(e);
                reference.put(uid, e);
            }
        }
        assertEquals(reference.size(), table.size());
        int row = 0;
        for (MessageEntry e : reference.values()) {
            assertEquals(e.uid(), table.uidAt(row));
            assertEquals(e, table.entryAt(row));
            assertEquals(e.uid(), table.uidOf(e.sourceKey()));
            assertEquals(e.raw().read(), table.readAt(row));
            row++;
        }
        assertEquals(-1, table.uidOf(SourceKey.of(REPLICA, 999_999)));
        assertNull(table.get(100_000));
        long last = reference.lastKey();
        assertEquals(table.size(), table.after(last));
    }

    @Test
    void theClientListKeepsFlagsAndKeywordsPerMessage() {
        UidList list = new UidList();
        Flags plain = Flags.parse(List.of("\\Seen"));
        Flags tagged = Flags.parse(List.of("\\Flagged", "$Work", "\\Deleted"));
        for (long uid = 1; uid <= 100; uid++) {
            list.append(uid * 3, uid % 10 == 0 ? tagged : plain);
        }
        assertThrows(IllegalArgumentException.class, () -> list.append(5, plain), "UIDs only grow");
        assertEquals(tagged, list.flags(list.indexOf(30)));
        assertEquals(plain, list.flags(list.indexOf(33)));
        list.removeAt(list.indexOf(30));
        assertEquals(-1, list.indexOf(30));
        assertEquals(99, list.size());
        assertEquals(tagged, list.flags(list.indexOf(60)));
        list.setFlags(list.indexOf(60), plain);
        assertEquals(plain, list.flags(list.indexOf(60)));
        assertEquals(300, list.last());
    }
}
