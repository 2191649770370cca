package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstantsTest {

    @ParameterizedTest
    @CsvSource({"MSGFLAG_READ, 0x1", "MSGFLAG_UNMODIFIED, 0x2", "MSGFLAG_SUBMIT, 0x4", "MSGFLAG_UNSENT, 0x8",
            "MSGFLAG_HASATTACH, 0x10", "MSGFLAG_FROMME, 0x20", "MSGFLAG_ASSOCIATED, 0x40", "MSGFLAG_RESEND, 0x80",
            "MSGFLAG_NOTIFYREAD, 0x100", "MSGFLAG_NOTIFYUNREAD, 0x200", "MSGFLAG_EVERREAD, 0x400",
            "MSGFLAG_ORIGIN_X400, 0x1000", "MSGFLAG_ORIGIN_INTERNET, 0x2000", "MSGFLAG_ORIGIN_MISC_EXT, 0x8000"})
    void messageFlagValues(MessageFlags flag, String hex) {
        assertEquals(Integer.decode(hex), flag.value());
        assertTrue(flag.isSet(flag.value() | 0x4000));
        assertFalse(flag.isSet(~flag.value()));
        assertEquals(flag.value() | 0x4000, flag.set(0x4000));
        assertEquals(0x4000, flag.clear(flag.value() | 0x4000));
    }

    @Test
    void messageFlagMasks() {
        assertEquals(14, MessageFlags.values().length);
        assertEquals(0x0019, MessageFlags.toMask(EnumSet.of(MessageFlags.MSGFLAG_READ, MessageFlags.MSGFLAG_UNSENT,
                MessageFlags.MSGFLAG_HASATTACH)));
        assertEquals(0, MessageFlags.toMask(Set.of()));
        assertEquals(EnumSet.of(MessageFlags.MSGFLAG_READ, MessageFlags.MSGFLAG_ORIGIN_MISC_EXT),
                MessageFlags.fromMask(0x8001 | 0x4000 | 0x10000));
        assertEquals(EnumSet.allOf(MessageFlags.class), MessageFlags.fromMask(-1));
        assertEquals(0xB7FF, MessageFlags.toMask(EnumSet.allOf(MessageFlags.class)));
    }

    @Test
    void recipientTypes() {
        assertEquals(0, RecipientType.MAPI_ORIG.code());
        assertEquals(1, RecipientType.MAPI_TO.code());
        assertEquals(2, RecipientType.MAPI_CC.code());
        assertEquals(3, RecipientType.MAPI_BCC.code());
        for (RecipientType t : RecipientType.values()) {
            assertSame(t, RecipientType.fromCode(t.code()));
            assertSame(t, RecipientType.fromCode(t.code() | RecipientType.MAPI_SUBMITTED));
            assertSame(t, RecipientType.fromCode(t.code() | RecipientType.MAPI_P1));
        }
        assertEquals(0x10000000, RecipientType.MAPI_P1);
        assertEquals(0x80000000, RecipientType.MAPI_SUBMITTED);
        assertThrows(MapiException.InvalidParameter.class, () -> RecipientType.fromCode(4));
        assertThrows(MapiException.InvalidParameter.class, () -> RecipientType.fromCode(-1 & ~0x90000000));
    }

    @Test
    void attachMethods() {
        AttachMethod[] expected = {AttachMethod.NO_ATTACHMENT, AttachMethod.ATTACH_BY_VALUE, AttachMethod.ATTACH_BY_REFERENCE,
                AttachMethod.ATTACH_BY_REF_RESOLVE, AttachMethod.ATTACH_BY_REF_ONLY, AttachMethod.ATTACH_EMBEDDED_MSG,
                AttachMethod.ATTACH_OLE};
        for (int code = 0; code < expected.length; code++) {
            assertEquals(code, expected[code].code());
            assertSame(expected[code], AttachMethod.fromCode(code));
        }
        assertEquals(7, AttachMethod.values().length);
        assertThrows(MapiException.InvalidParameter.class, () -> AttachMethod.fromCode(7));
        assertThrows(MapiException.InvalidParameter.class, () -> AttachMethod.fromCode(-1));
    }

    @Test
    void folderTypes() {
        assertEquals(0, FolderType.FOLDER_ROOT.code());
        assertEquals(1, FolderType.FOLDER_GENERIC.code());
        assertEquals(2, FolderType.FOLDER_SEARCH.code());
        for (FolderType t : FolderType.values()) {
            assertSame(t, FolderType.fromCode(t.code()));
        }
        assertThrows(MapiException.InvalidParameter.class, () -> FolderType.fromCode(3));
    }

    @Test
    void containerClasses() {
        assertEquals("IPF.Note", ContainerClass.IPF_NOTE.value());
        assertEquals("IPF.Appointment", ContainerClass.IPF_APPOINTMENT.value());
        assertEquals("IPF.Contact", ContainerClass.IPF_CONTACT.value());
        assertEquals("IPF.Task", ContainerClass.IPF_TASK.value());
        assertEquals("IPF.StickyNote", ContainerClass.IPF_STICKYNOTE.value());
        assertEquals("IPF.Journal", ContainerClass.IPF_JOURNAL.value());
        for (ContainerClass c : ContainerClass.values()) {
            assertEquals(c, ContainerClass.of(c.value()).orElseThrow());
        }
        assertEquals(ContainerClass.IPF_NOTE, ContainerClass.of("IPF.Note.OutlookHomepage").orElseThrow());
        assertEquals(ContainerClass.IPF_NOTE, ContainerClass.of("ipf.note").orElseThrow());
        assertEquals(ContainerClass.IPF_STICKYNOTE, ContainerClass.of("IPF.StickyNote").orElseThrow());
        assertTrue(ContainerClass.of("IPF.Notes").isEmpty());
        assertTrue(ContainerClass.of("IPF").isEmpty());
        assertTrue(ContainerClass.of("").isEmpty());
        assertTrue(ContainerClass.of(null).isEmpty());
        assertFalse(ContainerClass.IPF_TASK.matches("IPF.Taskforce"));
        assertTrue(ContainerClass.IPF_TASK.matches("IPF.Task.X"));
    }

    @Test
    void relOps() {
        RelOp[] ops = {RelOp.RELOP_LT, RelOp.RELOP_LE, RelOp.RELOP_GT, RelOp.RELOP_GE, RelOp.RELOP_EQ, RelOp.RELOP_NE, RelOp.RELOP_RE};
        for (int code = 0; code < ops.length; code++) {
            assertEquals(code, ops[code].code());
            assertSame(ops[code], RelOp.fromCode(code));
        }
        assertThrows(MapiException.TooComplex.class, () -> RelOp.fromCode(0x64));
        assertThrows(MapiException.TooComplex.class, () -> RelOp.fromCode(7));
        int[] cmp = {-1, 0, 1};
        boolean[][] expected = {
                {true, false, false}, {true, true, false}, {false, false, true},
                {false, true, true}, {false, true, false}, {true, false, true}};
        for (int o = 0; o < 6; o++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[o][c], ops[o].test(cmp[c] * 5), ops[o] + " " + cmp[c]);
            }
        }
        assertThrows(MapiException.TooComplex.class, () -> RelOp.RELOP_RE.test(0));
    }

    @Test
    void bitmaskOps() {
        assertEquals(0, BitmaskOp.BMR_EQZ.code());
        assertEquals(1, BitmaskOp.BMR_NEZ.code());
        assertSame(BitmaskOp.BMR_EQZ, BitmaskOp.fromCode(0));
        assertSame(BitmaskOp.BMR_NEZ, BitmaskOp.fromCode(1));
        assertThrows(MapiException.TooComplex.class, () -> BitmaskOp.fromCode(2));
        assertTrue(BitmaskOp.BMR_EQZ.test(0b1010, 0b0101));
        assertFalse(BitmaskOp.BMR_EQZ.test(0b1010, 0b0010));
        assertTrue(BitmaskOp.BMR_NEZ.test(0x80000000, 0x80000000));
        assertFalse(BitmaskOp.BMR_NEZ.test(0b1010, 0b0101));
    }

    @Test
    void fuzzyLevels() {
        assertEquals(0x0, FuzzyLevel.FULLSTRING.value());
        assertEquals(0x1, FuzzyLevel.SUBSTRING.value());
        assertEquals(0x2, FuzzyLevel.PREFIX.value());
        assertEquals(0x10000, FuzzyLevel.Flag.FL_IGNORECASE.code());
        assertEquals(0x20000, FuzzyLevel.Flag.FL_IGNORENONSPACE.code());
        assertEquals(0x40000, FuzzyLevel.Flag.FL_LOOSE.code());
        FuzzyLevel all = FuzzyLevel.of(FuzzyLevel.Mode.FL_PREFIX, FuzzyLevel.Flag.values());
        assertEquals(0x70002, all.value());
        assertEquals(all, FuzzyLevel.fromValue(0x70002));
        for (int v : new int[] {0x0, 0x1, 0x2, 0x10001, 0x20000, 0x40002, 0x30001}) {
            assertEquals(v, FuzzyLevel.fromValue(v).value());
        }
        assertThrows(MapiException.TooComplex.class, () -> FuzzyLevel.fromValue(0x3));
        assertThrows(MapiException.TooComplex.class, () -> FuzzyLevel.fromValue(0x80000));
        assertThrows(MapiException.TooComplex.class, () -> FuzzyLevel.fromValue(0x10000003));
        assertFalse(FuzzyLevel.SUBSTRING.ignoreCase());
        assertTrue(FuzzyLevel.SUBSTRING.withIgnoreCase().ignoreCase());
        assertFalse(FuzzyLevel.SUBSTRING.withIgnoreCase().ignoreNonSpace());
        assertTrue(FuzzyLevel.fromValue(0x40000).ignoreCase());
        assertTrue(FuzzyLevel.fromValue(0x40000).ignoreNonSpace());
        assertTrue(FuzzyLevel.fromValue(0x20000).ignoreNonSpace());
        assertFalse(FuzzyLevel.fromValue(0x20000).ignoreCase());
        assertEquals(FuzzyLevel.fromValue(0x10001), FuzzyLevel.SUBSTRING.withIgnoreCase());
        assertThrows(UnsupportedOperationException.class, () -> FuzzyLevel.SUBSTRING.flags().add(FuzzyLevel.Flag.FL_LOOSE));
        assertThrows(NullPointerException.class, () -> new FuzzyLevel(null, Set.of()));
    }

    @Test
    void subObjects() {
        assertEquals(0x0E12000D, SubObject.RECIPIENTS.tag().value());
        assertEquals(0x0E13000D, SubObject.ATTACHMENTS.tag().value());
        assertSame(SubObject.RECIPIENTS, SubObject.fromTag(0x0E12000D));
        assertSame(SubObject.ATTACHMENTS, SubObject.fromTag(0x0E13000D));
        assertThrows(MapiException.TooComplex.class, () -> SubObject.fromTag(0x0E12001F));
    }
}
