package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredecessorChangeListTest {

    private static final Guid A = Guid.parse("00000001-0000-0000-0000-000000000000");
    private static final Guid B = Guid.parse("00000002-0000-0000-0000-000000000000");
    private static final Guid C = Guid.parse("00000003-0000-0000-0000-000000000000");

    @Test
    void serializesAsSizedXids() {
        PredecessorChangeList pcl = PredecessorChangeList.of(ChangeKey.of(B, 2), ChangeKey.of(A, 0x10));
        String expected = "16" + "01000000000000000000000000000000" + "000000000010"
                + "16" + "02000000000000000000000000000000" + "000000000002";
        assertEquals(expected, HexFormat.of().withUpperCase().formatHex(pcl.bytes()));
        assertEquals(pcl, PredecessorChangeList.parse(pcl.bytes()));
        assertEquals(List.of(ChangeKey.of(A, 0x10), ChangeKey.of(B, 2)), pcl.changeKeys());
    }

    @Test
    void emptyListIsNoBytes() {
        assertEquals(0, PredecessorChangeList.empty().bytes().length);
        assertEquals(PredecessorChangeList.empty(), PredecessorChangeList.parse(new byte[0]));
        assertTrue(PredecessorChangeList.empty().isEmpty());
        assertEquals(0, PredecessorChangeList.empty().size());
        assertFalse(PredecessorChangeList.empty().includes(ChangeKey.of(A, 1)));
    }

    @Test
    void keepsTheHighestCounterPerReplica() {
        PredecessorChangeList pcl = PredecessorChangeList.of(ChangeKey.of(A, 5), ChangeKey.of(A, 9), ChangeKey.of(A, 7));
        assertEquals(1, pcl.size());
        assertEquals(9, pcl.get(A).orElseThrow().counter());
        assertTrue(pcl.get(B).isEmpty());
    }

    @Test
    void parseMergesDuplicateReplicasAndMixedLengths() {
        byte[] a5 = ChangeKey.of(A, 5).bytes();
        byte[] a9short = new ChangeKey(A, new byte[] {9}).bytes();
        byte[] raw = new byte[2 + a5.length + a9short.length];
        raw[0] = (byte) a5.length;
        System.arraycopy(a5, 0, raw, 1, a5.length);
        raw[1 + a5.length] = (byte) a9short.length;
        System.arraycopy(a9short, 0, raw, 2 + a5.length, a9short.length);
        PredecessorChangeList pcl = PredecessorChangeList.parse(raw);
        assertEquals(List.of(new ChangeKey(A, new byte[] {9})), pcl.changeKeys());
        assertEquals(1 + 17, pcl.bytes().length);
    }

    @Test
    void includes() {
        PredecessorChangeList pcl = PredecessorChangeList.of(ChangeKey.of(A, 10), ChangeKey.of(B, 3));
        assertTrue(pcl.includes(ChangeKey.of(A, 10)));
        assertTrue(pcl.includes(ChangeKey.of(A, 1)));
        assertFalse(pcl.includes(ChangeKey.of(A, 11)));
        assertTrue(pcl.includes(new ChangeKey(B, new byte[] {3})));
        assertFalse(pcl.includes(ChangeKey.of(C, 1)));
        assertTrue(pcl.includesAll(PredecessorChangeList.of(ChangeKey.of(A, 4))));
        assertTrue(pcl.includesAll(PredecessorChangeList.empty()));
        assertFalse(pcl.includesAll(PredecessorChangeList.of(ChangeKey.of(A, 4), ChangeKey.of(C, 1))));
        assertFalse(PredecessorChangeList.of(ChangeKey.of(A, 4)).includesAll(pcl));
    }

    @Test
    void mergeKeepsTheHighestOfBoth() {
        PredecessorChangeList left = PredecessorChangeList.of(ChangeKey.of(A, 10), ChangeKey.of(B, 3));
        PredecessorChangeList right = PredecessorChangeList.of(ChangeKey.of(A, 4), ChangeKey.of(B, 8), ChangeKey.of(C, 1));
        PredecessorChangeList merged = left.merge(right);
        assertEquals(List.of(ChangeKey.of(A, 10), ChangeKey.of(B, 8), ChangeKey.of(C, 1)), merged.changeKeys());
        assertEquals(merged, right.merge(left));
        assertTrue(merged.includesAll(left));
        assertTrue(merged.includesAll(right));
        assertEquals(left, left.merge(PredecessorChangeList.empty()));
    }

    @Test
    void withAddsOrRaises() {
        PredecessorChangeList pcl = PredecessorChangeList.of(ChangeKey.of(A, 10));
        assertEquals(PredecessorChangeList.of(ChangeKey.of(A, 11)), pcl.with(ChangeKey.of(A, 11)));
        assertEquals(pcl, pcl.with(ChangeKey.of(A, 2)));
        assertEquals(List.of(ChangeKey.of(A, 10), ChangeKey.of(B, 1)), pcl.with(ChangeKey.of(B, 1)).changeKeys());
        assertEquals(1, pcl.size());
    }

    @Test
    void corruptBytesAreCorruptData() {
        byte[] good = PredecessorChangeList.of(ChangeKey.of(A, 1), ChangeKey.of(B, 1)).bytes();
        for (int cut = 1; cut < good.length; cut++) {
            if (cut == 23) {
                continue; // a whole first SizedXid is a valid list
            }
            byte[] prefix = java.util.Arrays.copyOf(good, cut);
            assertThrows(MapiException.CorruptData.class, () -> PredecessorChangeList.parse(prefix), "cut " + cut);
        }
        assertEquals(1, PredecessorChangeList.parse(java.util.Arrays.copyOf(good, 23)).size());
        for (int size : new int[] {0, 1, 16, 25, 0xFF}) {
            byte[] bad = good.clone();
            bad[0] = (byte) size;
            assertThrows(MapiException.CorruptData.class, () -> PredecessorChangeList.parse(bad), "size " + size);
        }
        assertThrows(MapiException.CorruptData.class, () -> PredecessorChangeList.parse(null));
    }

    @Test
    void toPropValue() {
        PredecessorChangeList pcl = PredecessorChangeList.of(ChangeKey.of(A, 1));
        assertEquals(PropValue.of(PropTags.PR_PREDECESSOR_CHANGE_LIST, pcl.bytes()),
                pcl.toPropValue(PropTags.PR_PREDECESSOR_CHANGE_LIST));
    }
}
