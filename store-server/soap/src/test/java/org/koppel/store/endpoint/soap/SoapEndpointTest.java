package org.koppel.store.endpoint.soap;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.Restriction;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.EventType;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.Subscription;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.client.soap.SoapStoreServer;
import org.koppel.store.core.db.DatabaseKind;

/** What is particular to MAPI-over-SOAP: the WSDL, refusals, bad input, MTOM streaming, suspended long-polls. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoapEndpointTest {

    private SoapFixture fixture;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws IOException {
        fixture = SoapFixture.start(DatabaseKind.H2, Duration.ofSeconds(2));
        for (String name : List.of("sue", "tom")) {
            fixture.admin.directory().createUser(NewUser.of(name, name, name + "@example.org", "pw-" + name));
        }
    }

    @AfterAll
    void stop() throws IOException {
        fixture.close();
    }

    private Session logon(String name) {
        return fixture.client.logon(new Credentials.Password(name, "pw-" + name));
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fixture.base() + "/soap"))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theWsdlDescribesTheService() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fixture.base() + "/soap?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        String wsdl = r.body();
        assertTrue(wsdl.contains("urn:koppel:mapi:1"), "the service's namespace");
        for (String op : List.of("logon", "contentsTable", "loadMessage", "openAttachment", "exportContents", "poll")) {
            assertTrue(wsdl.contains("name=\"" + op + "\""), "operation " + op);
        }
        assertTrue(wsdl.contains("mapiError"), "faults carry the MAPI error");
    }

    @Test
    void wrongCredentialsAndForeignObjectsAreRefused() {
        assertThrows(MapiException.LogonFailed.class,
                () -> fixture.client.logon(new Credentials.Service("koppel-admin", "wrong", "")));
        assertThrows(MapiException.LogonFailed.class,
                () -> fixture.client.logon(new Credentials.Password("sue", "wrong")));
        try (Session sue = logon("sue")) {
            assertEquals("sue", sue.user().login());
            assertThrows(MapiException.NoAccess.class,
                    () -> sue.directory().createUser(NewUser.of("eve", "Eve", "eve@example.org", "x")));
            EntryId tomsInbox;
            try (Session tom = logon("tom")) {
                tomsInbox = tom.stores().openOwn().folder(WellKnownFolder.INBOX);
            }
            assertThrows(MapiException.NoAccess.class, () -> sue.folders().info(tomsInbox));
            assertThrows(MapiException.NoAccess.class, () -> sue.contents().query(tomsInbox,
                    new TableQuery(List.of(PropTags.PR_SUBJECT), java.util.Optional.empty(),
                            org.koppel.mapi.SortOrderSet.none(), 0, 10, false)));
        }
    }

    @Test
    void anUnknownOrExpiredSessionEnds() throws Exception {
        Session sue = logon("sue");
        sue.stores().openOwn();
        Thread.sleep(2_500);
        assertThrows(MapiException.EndOfSession.class, () -> sue.stores().openOwn(),
                "unused for longer than the idle timeout");
        String forged = """
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
                <m:openOwnStore xmlns:m="urn:koppel:mapi:1"><m:session>forged-token</m:session></m:openOwnStore>
                </s:Body></s:Envelope>""";
        HttpResponse<String> r = post(forged);
        assertEquals(500, r.statusCode(), "a SOAP fault");
        assertTrue(r.body().contains("MAPI_E_END_OF_SESSION"), r.body());
        assertTrue(r.body().contains(Integer.toString(0x80040200)), "the HRESULT in the detail");
    }

    @Test
    void malformedRequestsGetFaultsAndTheServerCarriesOn() throws Exception {
        HttpResponse<String> broken = post("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><oops");
        assertEquals(500, broken.statusCode());
        assertTrue(broken.body().contains("Fault"), broken.body());
        HttpResponse<String> unknown = post("""
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
                <m:noSuchOperation xmlns:m="urn:koppel:mapi:1"/></s:Body></s:Envelope>""");
        assertEquals(500, unknown.statusCode());
        assertTrue(unknown.body().contains("Fault"), unknown.body());
        // A restriction nested past the limit is MAPI_E_TOO_COMPLEX, not a stack overflow.
        try (Session sue = logon("sue")) {
            EntryId inbox = sue.stores().openOwn().folder(WellKnownFolder.INBOX);
            Restriction deep = new Restriction.Exist(PropTags.PR_SUBJECT);
            for (int i = 0; i < 100; i++) {
                deep = new Restriction.Not(deep);
            }
            TableQuery q = new TableQuery(List.of(PropTags.PR_SUBJECT), java.util.Optional.of(deep),
                    org.koppel.mapi.SortOrderSet.none(), 0, 10, false);
            assertThrows(MapiException.class, () -> sue.contents().query(inbox, q));
            assertEquals(0, sue.contents().query(inbox, new TableQuery(List.of(PropTags.PR_SUBJECT),
                    java.util.Optional.empty(), org.koppel.mapi.SortOrderSet.none(), 0, 10, false)).totalRows(),
                    "the session still works");
        }
    }

    @Test
    void attachmentsStreamBothWaysAsMtomParts() throws Exception {
        int size = 12 << 20;
        try (Session sue = logon("sue")) {
            EntryId drafts = sue.stores().openOwn().folder(WellKnownFolder.DRAFTS);
            EntryId m = sue.messages().create(drafts, new MessageContent(List.of(PropValue.of(PropTags.PR_SUBJECT,
                    "big")), List.of(), List.of(new AttachmentContent.ByValue(
                            List.of(PropValue.of(PropTags.PR_ATTACH_LONG_FILENAME, "big.bin")), () -> pattern(size))),
                    false));
            MessageData data = sue.messages().load(m);
            assertEquals(1, data.attachments().size());
            assertTrue(data.attachments().get(0).sizeBytes() >= size, "PR_ATTACH_SIZE counts the data and more");
            try (InputStream in = sue.attachments().open(m, data.attachments().get(0).attachNum())) {
                assertArrayEquals(digest(pattern(size)), digest(in), "the same bytes came back");
            }
            assertThrows(MapiException.NotFound.class, () -> sue.attachments().open(m, 99));
        }
    }

    @Test
    void waitingPollsAreSuspendedAndEachGetsItsEvent() throws Exception {
        int sessions = 40;
        List<Session> open = new ArrayList<>();
        List<Subscription> subs = new ArrayList<>();
        CountDownLatch delivered = new CountDownLatch(sessions);
        try (SoapStoreServer other = SoapStoreServer.connect(URI.create(fixture.base()))) {
            EntryId inbox = null;
            for (int i = 0; i < sessions; i++) {
                Session s = other.logon(new Credentials.Password("tom", "pw-tom"));
                open.add(s);
                inbox = s.stores().openOwn().folder(WellKnownFolder.INBOX);
                subs.add(s.notifications().subscribe(inbox, EnumSet.of(EventType.OBJECT_CREATED),
                        n -> delivered.countDown()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (fixture.endpoint.waitingSoapPolls() < sessions && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(sessions, fixture.endpoint.waitingSoapPolls(), "every poll waits suspended, none on a thread");
            assertEquals(sessions, fixture.endpoint.waitingLeanSoapPolls(), "the Java client's polls take the lean path");
            try (Session tom = logon("tom")) {
                tom.messages().create(inbox, MessageContent.of(List.of(PropValue.of(PropTags.PR_SUBJECT, "hello"))));
            }
            assertTrue(delivered.await(10, TimeUnit.SECONDS), "each session's listener got the event");
            subs.forEach(Subscription::close);
            open.forEach(Session::close);
        }
    }

    private String pollEnvelope(String token) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<m:poll xmlns:m=\"urn:koppel:mapi:1\"><m:session>" + token + "</m:session>"
                + "<m:timeoutSeconds>30</m:timeoutSeconds></m:poll></s:Body></s:Envelope>";
    }

    @Test
    void aPollWithoutTheSoapActionIsAnsweredByCxfTheSameWay() throws Exception {
        String logon = """
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
                <m:logon xmlns:m="urn:koppel:mapi:1"><m:login>tom</m:login><m:password>pw-tom</m:password></m:logon>
                </s:Body></s:Envelope>""";
        HttpResponse<String> r = post(logon);
        assertEquals(200, r.statusCode(), r.body());
        String token = r.body().replaceAll("(?s).*<[a-z0-9]*:?session>([^<]+)</.*", "$1");
        EntryId inbox;
        try (Session tom = logon("tom")) {
            inbox = tom.stores().openOwn().folder(WellKnownFolder.INBOX);
            String subscribe = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                    + "<m:subscribe xmlns:m=\"urn:koppel:mapi:1\"><m:session>" + token + "</m:session><m:target>"
                    + java.util.Base64.getEncoder().encodeToString(inbox.bytes())
                    + "</m:target><m:event>OBJECT_CREATED</m:event></m:subscribe></s:Body></s:Envelope>";
            assertEquals(200, post(subscribe).statusCode());
            for (boolean lean : List.of(false, true)) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.base() + "/soap"))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(pollEnvelope(token)));
                b.header("SOAPAction", lean ? "\"urn:koppel:mapi:1#poll\"" : "\"\"");
                var answer = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
                Thread.sleep(300);
                assertFalse(answer.isDone(), "the poll waits for an event");
                tom.messages().create(inbox, MessageContent.of(List.of(PropValue.of(PropTags.PR_SUBJECT, "x"))));
                HttpResponse<String> got = answer.get(10, TimeUnit.SECONDS);
                assertEquals(200, got.statusCode(), got.body());
                assertTrue(got.body().contains("pollResponse") && got.body().contains("OBJECT_CREATED"), got.body());
            }
        }
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(fixture.base() + "/soap"))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"urn:koppel:mapi:1#poll\"")
                .POST(HttpRequest.BodyPublishers.ofString(pollEnvelope("forged"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(500, forged.statusCode());
        assertTrue(forged.body().contains("MAPI_E_END_OF_SESSION"), forged.body());
    }

    private static InputStream pattern(int size) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < size ? (pos++ * 31 + 7) & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= size) {
                    return -1;
                }
                int n = Math.min(len, size - pos);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((pos++ * 31 + 7) & 0xFF);
                }
                return n;
            }
        };
    }

    private static byte[] digest(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[65536];
        int n;
        while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
        }
        return md.digest();
    }
}
