package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MapiExceptionTest {

    private static final Map<MapiError, Class<? extends MapiException>> SUBCLASSES = Map.ofEntries(
            Map.entry(MapiError.NOT_FOUND, MapiException.NotFound.class),
            Map.entry(MapiError.NO_ACCESS, MapiException.NoAccess.class),
            Map.entry(MapiError.INVALID_PARAMETER, MapiException.InvalidParameter.class),
            Map.entry(MapiError.INVALID_TYPE, MapiException.InvalidType.class),
            Map.entry(MapiError.INVALID_ENTRYID, MapiException.InvalidEntryId.class),
            Map.entry(MapiError.COLLISION, MapiException.Collision.class),
            Map.entry(MapiError.FOLDER_CYCLE, MapiException.FolderCycle.class),
            Map.entry(MapiError.STORE_FULL, MapiException.StoreFull.class),
            Map.entry(MapiError.TOO_BIG, MapiException.TooBig.class),
            Map.entry(MapiError.NO_SUPPORT, MapiException.NoSupport.class),
            Map.entry(MapiError.LOGON_FAILED, MapiException.LogonFailed.class),
            Map.entry(MapiError.OBJECT_CHANGED, MapiException.ObjectChanged.class),
            Map.entry(MapiError.OBJECT_DELETED, MapiException.ObjectDeleted.class),
            Map.entry(MapiError.HAS_FOLDERS, MapiException.HasFolders.class),
            Map.entry(MapiError.HAS_MESSAGES, MapiException.HasMessages.class),
            Map.entry(MapiError.NAMED_PROP_QUOTA_EXCEEDED, MapiException.NamedPropQuotaExceeded.class),
            Map.entry(MapiError.TOO_COMPLEX, MapiException.TooComplex.class),
            Map.entry(MapiError.CORRUPT_DATA, MapiException.CorruptData.class),
            Map.entry(MapiError.SYNC_INVALID_STATE, MapiException.InvalidSyncState.class),
            Map.entry(MapiError.END_OF_SESSION, MapiException.EndOfSession.class),
            Map.entry(MapiError.NO_RECIPIENTS, MapiException.NoRecipients.class),
            Map.entry(MapiError.SUBMITTED, MapiException.Submitted.class),
            Map.entry(MapiError.CALL_FAILED, MapiException.CallFailed.class));

    @ParameterizedTest
    @EnumSource(MapiError.class)
    void ofRebuildsEveryErrorKeepingItsCode(MapiError error) {
        MapiException e = MapiException.of(error, "boom");
        assertEquals(error, e.error());
        assertEquals(error.hresult(), e.hresult());
        assertEquals(SUBCLASSES.getOrDefault(error, MapiException.CallFailed.class), e.getClass());
        assertTrue(e.getMessage().endsWith("boom"), e.getMessage());
        if (!SUBCLASSES.containsKey(error)) {
            assertEquals(error.mapiName() + ": boom", e.getMessage());
        } else {
            assertEquals("boom", e.getMessage());
        }
    }

    @Test
    void everySubclassCarriesItsCodeAndCause() {
        Throwable cause = new IllegalStateException("x");
        assertEquals(MapiError.NOT_FOUND, new MapiException.NotFound("m", cause).error());
        assertSame(cause, new MapiException.NotFound("m", cause).getCause());
        MapiException[] all = {
                new MapiException.NotFound("m", cause), new MapiException.NoAccess("m", cause),
                new MapiException.InvalidParameter("m", cause), new MapiException.InvalidType("m", cause),
                new MapiException.InvalidEntryId("m", cause), new MapiException.Collision("m", cause),
                new MapiException.FolderCycle("m", cause), new MapiException.StoreFull("m", cause),
                new MapiException.TooBig("m", cause), new MapiException.NoSupport("m", cause),
                new MapiException.LogonFailed("m", cause), new MapiException.ObjectChanged("m", cause),
                new MapiException.ObjectDeleted("m", cause), new MapiException.HasFolders("m", cause),
                new MapiException.HasMessages("m", cause), new MapiException.NamedPropQuotaExceeded("m", cause),
                new MapiException.TooComplex("m", cause), new MapiException.CorruptData("m", cause),
                new MapiException.InvalidSyncState("m", cause), new MapiException.EndOfSession("m", cause),
                new MapiException.NoRecipients("m", cause), new MapiException.Submitted("m", cause),
                new MapiException.CallFailed("m", cause)};
        assertEquals(SUBCLASSES.size(), all.length);
        for (MapiException e : all) {
            assertSame(e.getClass(), SUBCLASSES.get(e.error()), e.getClass().getSimpleName());
            assertSame(cause, e.getCause());
            assertEquals("m", e.getMessage());
            assertInstanceOf(RuntimeException.class, e);
        }
        assertEquals(MapiError.CALL_FAILED, new MapiException.CallFailed("m").error());
    }

    @Test
    void hresultsAreThoseOfMapi() {
        assertEquals(0x80004005, MapiError.CALL_FAILED.hresult());
        assertEquals(0x8007000E, MapiError.NOT_ENOUGH_MEMORY.hresult());
        assertEquals(0x80070057, MapiError.INVALID_PARAMETER.hresult());
        assertEquals(0x80070005, MapiError.NO_ACCESS.hresult());
        assertEquals(0x80040102, MapiError.NO_SUPPORT.hresult());
        assertEquals(0x80040107, MapiError.INVALID_ENTRYID.hresult());
        assertEquals(0x8004010F, MapiError.NOT_FOUND.hresult());
        assertEquals(0x80040117, MapiError.TOO_COMPLEX.hresult());
        assertEquals(0x8004011B, MapiError.CORRUPT_DATA.hresult());
        assertEquals(0x80040302, MapiError.INVALID_TYPE.hresult());
        assertEquals(0x80040305, MapiError.TOO_BIG.hresult());
        assertEquals(0x80040604, MapiError.COLLISION.hresult());
        assertEquals(0x80040607, MapiError.NO_RECIPIENTS.hresult());
        assertEquals(0x80040608, MapiError.SUBMITTED.hresult());
        assertEquals(0x8004060B, MapiError.FOLDER_CYCLE.hresult());
        assertEquals(0x80040900, MapiError.NAMED_PROP_QUOTA_EXCEEDED.hresult());
    }

    @ParameterizedTest
    @EnumSource(MapiError.class)
    void fromHresultInvertsHresult(MapiError error) {
        assertSame(error, MapiError.fromHresult(error.hresult()));
        assertEquals("MAPI_E_" + error.name(), error.mapiName());
    }

    @Test
    void hresultsAreUniqueAndUnknownOnesAreCallFailed() {
        Map<Integer, Long> counts = Arrays.stream(MapiError.values())
                .collect(Collectors.groupingBy(MapiError::hresult, Collectors.counting()));
        assertTrue(counts.values().stream().allMatch(c -> c == 1));
        assertSame(MapiError.CALL_FAILED, MapiError.fromHresult(0));
        assertSame(MapiError.CALL_FAILED, MapiError.fromHresult(0x80041234));
    }
}
