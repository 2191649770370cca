package org.koppel.gateway.imap.syntax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceSetTest {

    @Test
    void parsesAndPrintsTheWireForm() {
        for (String s : new String[] {"1", "2:4", "4:2", "*", "1:*", "*:5", "1,3:5,7:*", "4294967295", "$"}) {
            assertEquals(s, SequenceSet.parse(s).toString());
        }
    }

    @Test
    void rejectsInvalidSets() {
        for (String s : new String[] {"", "0", "1:0", "4294967296", "99999999999999999999999", "1,", ",1", "1::2", "a",
                "1:2:3", "$,1", "1 2", "-1", "**"}) {
            assertThrows(IllegalArgumentException.class, () -> SequenceSet.parse(s), s);
        }
    }

    @Test
    void membershipWithStarAsTheLargest() {
        SequenceSet set = SequenceSet.parse("2:4,10:*");
        assertFalse(set.contains(1, 20));
        assertTrue(set.contains(3, 20));
        assertFalse(set.contains(5, 20));
        assertTrue(set.contains(20, 20));
        assertTrue(SequenceSet.parse("*:3").contains(5, 7));
        assertFalse(SequenceSet.parse("*").contains(6, 7));
        assertTrue(SequenceSet.parse("10:*").contains(5, 5), "10:* with 5 messages is 5:10");
    }

    @Test
    void selectsUidsIncludingTheLastForRangesPastIt() {
        long[] uids = {3, 7, 9, 15, 20};
        assertArrayEquals(new long[] {7, 9}, SequenceSet.parse("4:12").selectUids(uids));
        assertArrayEquals(new long[] {20}, SequenceSet.parse("559:*").selectUids(uids));
        assertArrayEquals(new long[] {3, 7, 9, 15, 20}, SequenceSet.parse("1:*").selectUids(uids));
        assertArrayEquals(new long[] {3, 20}, SequenceSet.parse("20,3,3:3,*").selectUids(uids));
        assertArrayEquals(new long[] {}, SequenceSet.parse("1:2").selectUids(uids));
        assertArrayEquals(new long[] {}, SequenceSet.parse("*").selectUids(new long[0]));
    }

    @Test
    void selectsMessageNumbers() {
        assertArrayEquals(new int[] {2, 3, 4}, SequenceSet.parse("4:2").selectNumbers(10));
        assertArrayEquals(new int[] {9, 10}, SequenceSet.parse("9:*").selectNumbers(10));
        assertArrayEquals(new int[] {1, 5}, SequenceSet.parse("5,1,5").selectNumbers(5));
        assertTrue(SequenceSet.parse("1:12").exceeds(10));
        assertFalse(SequenceSet.parse("1:*").exceeds(10));
    }

    @Test
    void compactsValues() {
        assertEquals("1:3,5,7:8", SequenceSet.ofValues(8, 1, 2, 3, 5, 7, 7).toString());
    }

    @Test
    void savedSetMustBeReplacedFirst() {
        assertTrue(SequenceSet.saved().isSaved());
        assertThrows(IllegalStateException.class, () -> SequenceSet.saved().contains(1, 1));
    }
}
