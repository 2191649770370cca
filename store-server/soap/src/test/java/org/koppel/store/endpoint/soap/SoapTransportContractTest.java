package org.koppel.store.endpoint.soap;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.api.HighLevelApiContract;
import org.koppel.store.core.engine.ChangeTrackingContract;
import org.koppel.store.core.engine.OutgoingQueueContract;
import org.koppel.store.core.engine.MessageSearchContract;
import org.koppel.store.core.engine.SearchFolderContract;
import org.koppel.store.core.engine.SessionApiContract;
import org.koppel.store.core.engine.TableContract;

/**
 * The session API's contract suites (and the high-level API's) over MAPI-over-SOAP: the same tests the
 * in-process engine passes, run
 * through a SOAP client against a real HTTP endpoint (H2 behind it; the database is not what is tested here).
 */
class SoapTransportContractTest {

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SessionApi extends SessionApiContract {
        private SoapFixture fixture;

        @BeforeAll
        void start() throws IOException {
            fixture = SoapFixture.start(DatabaseKind.H2, Duration.ofMinutes(5));
        }

        @AfterAll
        void stop() throws IOException {
            fixture.close();
        }

        @Override
        protected StoreServer server() {
            return fixture.client;
        }

        @Override
        protected Session admin() {
            return fixture.admin;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ChangeTracking extends ChangeTrackingContract {
        private SoapFixture fixture;

        @BeforeAll
        void start() throws IOException {
            fixture = SoapFixture.start(DatabaseKind.H2, Duration.ofMinutes(5));
        }

        @AfterAll
        void stop() throws IOException {
            fixture.close();
        }

        @Override
        protected StoreServer server() {
            return fixture.client;
        }

        @Override
        protected Session admin() {
            return fixture.admin;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Tables extends TableContract {
        private SoapFixture fixture;

        @BeforeAll
        void start() throws IOException {
            fixture = SoapFixture.start(DatabaseKind.H2, Duration.ofMinutes(5));
        }

        @AfterAll
        void stop() throws IOException {
            fixture.close();
        }

        @Override
        protected StoreServer server() {
            return fixture.client;
        }

        @Override
        protected Session admin() {
            return fixture.admin;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SearchFolders extends SearchFolderContract {
        private SoapFixture fixture;

        @BeforeAll
        void start() throws IOException {
            fixture = SoapFixture.start(DatabaseKind.H2, Duration.ofMinutes(5));
        }

        @AfterAll
        void stop() throws IOException {
            fixture.close();
        }

        @Override
        protected StoreServer server() {
            return fixture.client;
        }

        @Override
        protected Session admin() {
            return fixture.admin;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Outgoing extends OutgoingQueueContract {
        private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(1);
        private SoapFixture fixture;

        @BeforeAll
        void start() throws IOException {
            fixture = SoapFixture.start(DatabaseKind.H2, Duration.ofMinutes(5),
                    c -> c.withSubmitLockTimeout(LOCK_TIMEOUT));
        }

        @AfterAll
        void stop() throws IOException {
            fixture.close();
        }

        @Override
        protected StoreServer server() {
            return fixture.client;
        }

        @Override
        protected Session admin() {
            return fixture.admin;
        }

        @Override
        protected Duration lockTimeout() {
            return LOCK_TIMEOUT;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class HighLevelApi extends HighLevelApiContract {
        private SoapFixture fixture;

        @BeforeAll
        void start() throws IOException {
            fixture = SoapFixture.start(DatabaseKind.H2, Duration.ofMinutes(5));
        }

        @AfterAll
        void stop() throws IOException {
            fixture.close();
        }

        @Override
        protected StoreServer server() {
            return fixture.client;
        }

        @Override
        protected Session systemSession() {
            return fixture.admin;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class MessageSearches extends MessageSearchContract {
        private SoapFixture fixture;

        @BeforeAll
        void start() throws IOException {
            fixture = SoapFixture.start(DatabaseKind.H2, Duration.ofMinutes(5));
        }

        @AfterAll
        void stop() throws IOException {
            fixture.close();
        }

        @Override
        protected StoreServer server() {
            return fixture.client;
        }

        @Override
        protected Session admin() {
            return fixture.admin;
        }
    }
}
