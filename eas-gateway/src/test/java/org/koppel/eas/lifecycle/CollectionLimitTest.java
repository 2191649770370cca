package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.lifecycle.Requests.*;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.eas.sync.SyncLimits;
import org.koppel.eas.sync.SyncRequest;
import org.koppel.eas.sync.SyncResponse;
import org.koppel.eas.sync.SyncStatus;
import org.koppel.eas.wbxml.ProtocolVersion;

/** More collections in one Sync than the server's limit: Status 15 with the limit, nothing synced. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectionLimitTest {

    private Gateway gw;

    @BeforeAll
    void start() throws IOException {
        gw = new Gateway();
    }

    @AfterAll
    void stop() throws IOException {
        gw.close();
    }

    private static SyncRequest<MailData> collections(ProtocolVersion v, int n) {
        return new SyncRequest<>(IntStream.rangeClosed(1, n)
                .mapToObj(i -> collection(v, "0", Integer.toString(1000 + i), Optional.empty(), List.of())).toList(),
                Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    @Test
    void tooManyCollectionsAreStatusFifteenWithTheLimit() {
        int max = SyncLimits.DEFAULTS.maxCollections();
        for (ProtocolVersion v : List.of(ProtocolVersion.V12_1, ProtocolVersion.V16_1)) {
            String user = gw.newUser();
            Client phone = gw.client(user, "many-folders", v);
            SyncResponse<MailData> over = phone.sync(collections(v, max + 1)).orElseThrow();
            assertEquals(Optional.of(SyncStatus.TOO_MANY_COLLECTIONS), over.status(), v.header());
            assertEquals(Optional.of(max), over.limit());
            assertEquals(List.of(), over.collections());

            // At the limit the request runs: these ids were never given to the device, so each is Status 12.
            SyncResponse<MailData> at = phone.sync(collections(v, max)).orElseThrow();
            assertEquals(Optional.empty(), at.status());
            assertEquals(max, at.collections().size());
            assertTrue(at.collections().stream().allMatch(c -> c.status() == SyncStatus.FOLDER_HIERARCHY_CHANGED));
        }
    }
}
