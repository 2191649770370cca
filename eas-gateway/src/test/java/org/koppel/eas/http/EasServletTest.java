package org.koppel.eas.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.koppel.eas.auth.DomainHandling;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.MalformedRequestException;
import org.koppel.eas.command.StoreUnavailableException;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.koppel.eas.wbxml.WbxmlXml;
import org.slf4j.LoggerFactory;

/** The ActiveSync HTTP layer over real sockets: a started Jetty and java.net.http. */
class EasServletTest {

    @TempDir
    static Path data;

    private final BlockingQueue<CompletableFuture<CommandResponse>> pings = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> handled = new LinkedBlockingQueue<>();
    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private Harness start() {
        return start(UnaryOperator.identity());
    }

    private Harness start(UnaryOperator<EasHttpConfig> tweak) {
        h = new Harness(data, tweak, handlers(), Clock.systemUTC());
        return h;
    }

    private static byte[] doc(String page, String root, String... statusAndKey) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WbxmlWriter w = new WbxmlWriter(out, Harness.PAGES, ProtocolVersion.V14_1).start(page, root)
                .element(Harness.PAGES.require(page, "Status"), statusAndKey[0]);
        if (statusAndKey.length > 1) {
            w.element(Harness.PAGES.require(page, "SyncKey"), statusAndKey[1]);
        }
        w.end().finish();
        return out.toByteArray();
    }

    /** Handlers for the commands the tests use; Settings and others stay unbuilt on purpose. */
    private Map<Command, CommandHandler<String>> handlers() {
        Map<Command, CommandHandler<String>> m = new EnumMap<>(Command.class);
        // FolderSync: reads the body and answers with its length as the SyncKey, to prove the body arrived.
        m.put(Command.FOLDER_SYNC, r -> {
            handled.add(r.command() + " " + r.user() + " " + r.session() + " " + r.device() + " " + r.version());
            long n;
            try {
                n = r.body().transferTo(OutputStreamSink.INSTANCE);
                return CompletableFuture.completedFuture(
                        new CommandResponse.Wbxml(out -> out.write(doc("FolderHierarchy", "FolderSync", "1", "" + n))));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
        m.put(Command.PROVISION, r -> CompletableFuture.completedFuture(
                new CommandResponse.Wbxml(out -> out.write(doc("Provision", "Provision", "1")))));
        m.put(Command.SYNC, r -> {
            handled.add("Sync " + r.device() + " " + r.version() + " " + r.locale() + " " + r.policyKey()
                    + " " + r.parameters());
            try {
                r.body().transferTo(OutputStreamSink.INSTANCE);
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            return CompletableFuture.completedFuture(new CommandResponse.Empty());
        });
        m.put(Command.ITEM_OPERATIONS, r -> {
            byte[] wbxml;
            try {
                wbxml = doc("ItemOperations", "ItemOperations", "1");
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (!r.acceptMultiPart()) {
                return CompletableFuture.completedFuture(new CommandResponse.Wbxml(out -> out.write(wbxml)));
            }
            return CompletableFuture.completedFuture(new CommandResponse.Multipart(out -> out.write(wbxml), List.of(
                    CommandResponse.Part.of("first part".getBytes(StandardCharsets.US_ASCII)),
                    CommandResponse.Part.of(new byte[70_000]))));
        });
        m.put(Command.PING, r -> {
            CompletableFuture<CommandResponse> f = new CompletableFuture<>();
            pings.add(f);
            return f;
        });
        m.put(Command.GET_ITEM_ESTIMATE, r -> CompletableFuture.failedFuture(
                new StoreUnavailableException("store down", Duration.ofSeconds(17), null)));
        m.put(Command.MOVE_ITEMS, r -> {
            throw new IllegalStateException("a bug with a secret stack trace");
        });
        m.put(Command.MEETING_RESPONSE, r -> {
            try {
                WbxmlReader reader = new WbxmlReader(r.body(), Harness.PAGES);
                while (reader.next() != WbxmlReader.Event.END_DOCUMENT) {
                    // read it all
                }
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            return CompletableFuture.failedFuture(new MalformedRequestException("no Request element", null));
        });
        m.put(Command.GET_ATTACHMENT, r -> CompletableFuture.completedFuture(new CommandResponse.Content(
                "application/octet-stream", 5, () -> new ByteArrayInputStream("hello".getBytes(StandardCharsets.US_ASCII)))));
        return m;
    }

    /** Discards what is written; counts nothing, the handler counts via transferTo's result. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    private static String xml(byte[] wbxml) throws IOException {
        return new WbxmlXml(Harness.PAGES).toXml(wbxml).replaceAll("\\s+", "");
    }

    private HttpRequest.Builder options(String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(h.uri("/Microsoft-Server-ActiveSync"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        return auth == null ? b : b.header("Authorization", auth);
    }

    private static final String FOLDER_SYNC = "Cmd=FolderSync&User=carol&DeviceId=dev1&DeviceType=iPhone";

    // ---- OPTIONS

    @Test
    void optionsAdvertisesVersionsAndCommands() throws Exception {
        start();
        HttpResponse<byte[]> r = h.send(options(Harness.basic("carol", "s3cret")));
        assertEquals(200, r.statusCode());
        assertEquals("12.0,12.1,14.0,14.1,16.0,16.1", r.headers().firstValue("MS-ASProtocolVersions").orElseThrow());
        String commands = r.headers().firstValue("MS-ASProtocolCommands").orElseThrow();
        assertEquals("Sync,SendMail,SmartForward,SmartReply,GetAttachment,FolderSync,FolderCreate,FolderDelete,"
                + "FolderUpdate,MoveItems,GetItemEstimate,MeetingResponse,Search,Settings,Ping,ItemOperations,"
                + "Provision,ResolveRecipients,ValidateCert,Find", commands);
        assertEquals("OPTIONS,POST", r.headers().firstValue("Allow").orElseThrow());
        assertTrue(r.headers().firstValue("MS-Server-ActiveSync").isPresent());
        assertEquals(0, r.body().length);
    }

    @Test
    void optionsNeedsCredentials() throws Exception {
        start();
        HttpResponse<byte[]> r = h.send(options(null));
        assertEquals(401, r.statusCode());
        assertEquals("Basic realm=\"Koppel ActiveSync\", charset=\"UTF-8\"",
                r.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(r.headers().firstValue("MS-ASProtocolVersions").isEmpty());
    }

    @Test
    void optionsOffersOnlyConfiguredVersions() throws Exception {
        start(c -> c.withProtocolVersions(Set.of(ProtocolVersion.V14_1, ProtocolVersion.V16_1)));
        HttpResponse<byte[]> r = h.send(options(Harness.basic("carol", "s3cret")));
        assertEquals("14.1,16.1", r.headers().firstValue("MS-ASProtocolVersions").orElseThrow());
    }

    @Test
    void pathIsMatchedWithoutCaseAndNothingElseIsServed() throws Exception {
        start();
        HttpResponse<byte[]> lower = h.send(HttpRequest.newBuilder(h.uri("/microsoft-server-activesync"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .setHeader("Authorization", Harness.basic("carol", "s3cret")));
        assertEquals(200, lower.statusCode());
        HttpResponse<byte[]> other = h.send(HttpRequest.newBuilder(h.uri("/other"))
                .setHeader("Authorization", Harness.basic("carol", "s3cret")));
        assertEquals(404, other.statusCode());
        HttpResponse<byte[]> get = h.send(HttpRequest.newBuilder(h.uri("/Microsoft-Server-ActiveSync"))
                .setHeader("Authorization", Harness.basic("carol", "s3cret")));
        assertEquals(405, get.statusCode());
        assertEquals("OPTIONS,POST", get.headers().firstValue("Allow").orElseThrow());
    }

    // ---- authentication

    @Test
    void wrongPasswordIs401AndTheThrottleStopsCheckingPasswords() throws Exception {
        start();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, h.send(h.post(FOLDER_SYNC, new byte[0]).setHeader("Authorization",
                    Harness.basic("carol", "wrong"))).statusCode());
        }
        int checks = h.users.checks.get();
        HttpResponse<byte[]> r = h.send(h.post(FOLDER_SYNC, new byte[0]));
        assertEquals(401, r.statusCode(), "the right password is refused while throttled");
        assertEquals(checks, h.users.checks.get(), "the password was not checked");
        assertTrue(r.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    void throttlePerAddressCatchesManyLogins() throws Exception {
        start();
        for (int i = 0; i < 20; i++) {
            h.send(h.post(FOLDER_SYNC, new byte[0]).setHeader("Authorization", Harness.basic("guess" + i, "x")));
        }
        int checks = h.users.checks.get();
        assertEquals(401, h.send(h.post(FOLDER_SYNC, new byte[0])).statusCode());
        assertEquals(checks, h.users.checks.get());
    }

    @Test
    void aSuccessClearsTheLoginsCount() throws Exception {
        start();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                h.send(h.post(FOLDER_SYNC, new byte[0]).setHeader("Authorization", Harness.basic("carol", "wrong")));
            }
            assertEquals(200, h.send(h.post(FOLDER_SYNC, new byte[0])).statusCode());
        }
    }

    @Test
    void userWithoutMobileIs403Before14AndStatus126From14() throws Exception {
        start();
        HttpResponse<byte[]> r = h.send(h.post("Cmd=FolderSync&User=dave&DeviceId=dev1&DeviceType=iPhone",
                new byte[0]).setHeader("Authorization", Harness.basic("dave", "pw-dave"))
                .setHeader("MS-ASProtocolVersion", "12.1"));
        assertEquals(403, r.statusCode());
        HttpResponse<byte[]> r14 = h.send(h.post("Cmd=FolderSync&User=dave&DeviceId=dev1&DeviceType=iPhone",
                new byte[0]).setHeader("Authorization", Harness.basic("dave", "pw-dave")));
        assertEquals(200, r14.statusCode());
        assertTrue(xml(r14.body()).endsWith("<FolderSyncxmlns=\"FolderHierarchy:\"><Status>126</Status></FolderSync>"),
                xml(r14.body()));
        HttpResponse<byte[]> noCommand = h.send(h.post("User=dave&DeviceId=dev1&DeviceType=iPhone", new byte[0])
                .setHeader("Authorization", Harness.basic("dave", "pw-dave")));
        assertEquals(403, noCommand.statusCode(), "nothing to carry a status: 403");
    }

    @Test
    void storeUnavailableAtLogonIs503WithRetryAfter() throws Exception {
        start();
        h.users.unavailable = true;
        HttpResponse<byte[]> r = h.send(h.post(FOLDER_SYNC, new byte[0]));
        assertEquals(503, r.statusCode());
        assertEquals("42", r.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void theThreeLoginForms() throws Exception {
        start();
        for (String login : List.of("carol", "EXAMPLE\\carol", "carol@example.org", "CORP\\carol@example.org")) {
            HttpResponse<byte[]> r = h.send(h.post("Cmd=FolderSync&User=" + encode(login)
                    + "&DeviceId=dev1&DeviceType=iPhone", new byte[0]).setHeader("Authorization",
                    Harness.basic(login, "s3cret")));
            assertEquals(200, r.statusCode(), login);
            assertEquals("FOLDER_SYNC carol session:carol Device[id=dev1, type=iPhone] 14.1",
                    handled.poll(10, TimeUnit.SECONDS), login);
        }
        assertEquals(h.users.opened.get(), h.users.released.get(), "every session given back");
    }

    @Test
    void domainHandlingNoneKeepsTheDomain() throws Exception {
        start(c -> c.withDomainHandling(DomainHandling.NONE));
        assertEquals(401, h.send(h.post(FOLDER_SYNC, new byte[0]).setHeader("Authorization",
                Harness.basic("EXAMPLE\\carol", "s3cret"))).statusCode());
    }

    @Test
    void domainHandlingForms() {
        assertEquals("carol", DomainHandling.NETBIOS.apply("EXAMPLE\\carol"));
        assertEquals("carol@example.org", DomainHandling.NETBIOS.apply("carol@example.org"));
        assertEquals("carol", DomainHandling.ALL.apply("EXAMPLE\\carol@example.org"));
        assertEquals("EXAMPLE\\carol", DomainHandling.NONE.apply("EXAMPLE\\carol"));
    }

    @Test
    void userParameterMustNameTheAuthenticatedUser() throws Exception {
        start();
        assertEquals(403, h.send(h.post("Cmd=FolderSync&User=mallory&DeviceId=dev1&DeviceType=iPhone",
                new byte[0])).statusCode());
        assertEquals(200, h.send(h.post("Cmd=FolderSync&User=CAROL&DeviceId=dev1&DeviceType=iPhone",
                new byte[0])).statusCode());
        assertEquals(200, h.send(h.post("Cmd=FolderSync&DeviceId=dev1&DeviceType=iPhone", new byte[0]))
                .statusCode(), "no User is fine");
    }

    @Test
    void malformedAuthorizationIs401() throws Exception {
        start();
        for (String auth : List.of("Basic !!!", "Bearer abc", "Basic " + Base64.getEncoder().encodeToString(
                "no-colon".getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(401, h.send(h.post(FOLDER_SYNC, new byte[0]).setHeader("Authorization", auth)).statusCode());
        }
    }

    // ---- queries and versions

    @Test
    void base64QueryOfTheSpecificationReachesTheHandler() throws Exception {
        start();
        // MS-ASHTTP 2.2.1.1.1.1's example, without a policy key: provisioning is required.
        HttpResponse<byte[]> r = h.send(h.post("", new byte[0]).uri(h.uri(
                "/Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l")));
        assertEquals(200, r.statusCode());
        assertEquals("<?xmlversion=\"1.0\"encoding=\"utf-8\"?><Syncxmlns=\"AirSync:\"><Status>142</Status></Sync>",
                xml(r.body()));
        // The same with v140Device's key (3000000000, little-endian) and Options = SaveInSent.
        byte[] q = {(byte) 140, 0, 0x09, 0x04, 10, 'v', '1', '4', '0', 'D', 'e', 'v', 'i', 'c', 'e', 4,
            0x00, 0x5E, (byte) 0xD0, (byte) 0xB2, 10, 'S', 'm', 'a', 'r', 't', 'P', 'h', 'o', 'n', 'e', 7, 1, 1};
        HttpResponse<byte[]> ok = h.send(h.post("", new byte[0]).uri(h.uri("/Microsoft-Server-ActiveSync?"
                + Base64.getEncoder().encodeToString(q))));
        assertEquals(200, ok.statusCode());
        assertEquals("Sync Device[id=v140Device, type=SmartPhone] 14.0 OptionalInt[1033] OptionalLong[3000000000] "
                + "CommandParameters[attachmentName=Optional.empty, collectionId=Optional.empty, itemId=Optional.empty, "
                + "longId=Optional.empty, occurrence=Optional.empty, saveInSent=true, acceptMultiPart=false]",
                handled.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void malformedBase64QueryIs400() throws Exception {
        start();
        for (String q : List.of("jAAJBAp2MTQw", "!!!notbase64", "jAAJBAB2", "jA%3D%3DAA")) {
            HttpResponse<byte[]> r = h.send(h.post("", new byte[0]).uri(h.uri("/Microsoft-Server-ActiveSync?" + q)));
            assertEquals(400, r.statusCode(), q);
        }
    }

    @Test
    void versionIsNegotiated() throws Exception {
        start(c -> c.withProtocolVersions(Set.of(ProtocolVersion.V12_1, ProtocolVersion.V14_1)));
        for (String v : List.of("2.5", "16.1", "14.2", "")) {
            HttpResponse<byte[]> r = h.send(h.post(FOLDER_SYNC, new byte[0]).setHeader("MS-ASProtocolVersion", v));
            assertEquals(400, r.statusCode(), v);
            assertEquals("12.1,14.1", r.headers().firstValue("MS-ASProtocolVersions").orElseThrow(), v);
        }
        HttpResponse<byte[]> none = h.send(HttpRequest.newBuilder(h.uri("/Microsoft-Server-ActiveSync?" + FOLDER_SYNC))
                .setHeader("Authorization", Harness.basic("carol", "s3cret")).header("X-MS-PolicyKey", "1234567890")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(400, none.statusCode(), "the plain form needs MS-ASProtocolVersion");
        assertEquals(200, h.send(h.post(FOLDER_SYNC, new byte[0]).setHeader("MS-ASProtocolVersion", "12.1"))
                .statusCode());
    }

    @Test
    void unknownCommandIs501() throws Exception {
        start();
        assertEquals(501, h.send(h.post("Cmd=Frobnicate&User=carol&DeviceId=dev1&DeviceType=iPhone", new byte[0]))
                .statusCode());
        // Find exists only in 16.1.
        assertEquals(501, h.send(h.post("Cmd=Find&User=carol&DeviceId=dev1&DeviceType=iPhone", new byte[0]))
                .statusCode());
    }

    @Test
    void badPlainQueriesAre400() throws Exception {
        start();
        for (String q : List.of("Cmd=Sync&DeviceType=iPhone", "Cmd=Sync&DeviceId=dev1",
                "Cmd=Sync&Cmd=Ping&DeviceId=dev1&DeviceType=x", "Cmd=Sync&DeviceId=a%20b&DeviceType=x",
                "Cmd=SendMail&DeviceId=dev1&DeviceType=x&SaveInSent=maybe", "Cmd=Sync&DeviceId=dev1&DeviceType=x&User=%C3",
                "Cmd=Sync&DeviceId=" + "d".repeat(200) + "&DeviceType=x")) {
            assertEquals(400, h.send(h.post(q, new byte[0])).statusCode(), q);
        }
        assertEquals(400, h.send(h.post(FOLDER_SYNC, new byte[0]).setHeader("X-MS-PolicyKey", "key"))
                .statusCode());
    }

    // ---- provisioning gate

    @Test
    void provisioningRequiredIs449Before14AndStatus142After() throws Exception {
        start();
        String unknownDevice = "Cmd=FolderSync&User=carol&DeviceId=newphone&DeviceType=iPhone";
        HttpResponse<byte[]> old = h.send(h.post(unknownDevice, new byte[0]).setHeader("MS-ASProtocolVersion", "12.1"));
        assertEquals(449, old.statusCode());
        assertEquals(0, old.body().length);
        for (String v : List.of("14.0", "14.1", "16.0", "16.1")) {
            HttpResponse<byte[]> r = h.send(h.post(unknownDevice, new byte[0]).setHeader("MS-ASProtocolVersion", v));
            assertEquals(200, r.statusCode(), v);
            assertEquals(EasServlet.WBXML, r.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(xml(r.body()).endsWith("<FolderSyncxmlns=\"FolderHierarchy:\"><Status>142</Status></FolderSync>"), v);
        }
    }

    @Test
    void staleKeyIs144WipeIs140BlockedIs129() throws Exception {
        start();
        HttpResponse<byte[]> stale = h.send(h.post(FOLDER_SYNC, new byte[0]).setHeader("X-MS-PolicyKey", "1"));
        assertTrue(xml(stale.body()).contains("<Status>144</Status>"));
        h.devices.wipe("wiped");
        HttpResponse<byte[]> wipe = h.send(h.post("Cmd=Ping&DeviceId=wiped&DeviceType=x", new byte[0]));
        assertTrue(xml(wipe.body()).contains("<Pingxmlns=\"Ping:\"><Status>140</Status></Ping>"));
        HttpResponse<byte[]> wipe12 = h.send(h.post("Cmd=Ping&DeviceId=wiped&DeviceType=x", new byte[0])
                .setHeader("MS-ASProtocolVersion", "12.0"));
        assertEquals(449, wipe12.statusCode());
        h.devices.blocked("stolen");
        assertTrue(xml(h.send(h.post("Cmd=Sync&DeviceId=stolen&DeviceType=x", new byte[0])).body())
                .contains("<Status>129</Status>"));
        assertEquals(403, h.send(h.post("Cmd=Sync&DeviceId=stolen&DeviceType=x", new byte[0])
                .setHeader("MS-ASProtocolVersion", "12.1")).statusCode());
    }

    @Test
    void provisionPassesTheGate() throws Exception {
        start();
        HttpResponse<byte[]> r = h.send(h.post("Cmd=Provision&DeviceId=newphone&DeviceType=iPhone", new byte[0])
                .setHeader("X-MS-PolicyKey", "0"));
        assertEquals(200, r.statusCode());
        assertTrue(xml(r.body()).contains("<Provisionxmlns=\"Provision:\"><Status>1</Status></Provision>"));
    }

    @Test
    void commandNotBuiltYetIsStatus137Or501() throws Exception {
        start();
        HttpResponse<byte[]> r = h.send(h.post("Cmd=Settings&DeviceId=dev1&DeviceType=x", new byte[0]));
        assertEquals(200, r.statusCode());
        assertTrue(xml(r.body()).endsWith("<Settingsxmlns=\"Settings:\"><Status>137</Status></Settings>"));
        assertEquals(501, h.send(h.post("Cmd=Settings&DeviceId=dev1&DeviceType=x", new byte[0])
                .setHeader("MS-ASProtocolVersion", "12.1")).statusCode());
    }

    // ---- bodies and responses

    @Test
    void bodyReachesTheHandler() throws Exception {
        start();
        HttpResponse<byte[]> r = h.send(h.post(FOLDER_SYNC, new byte[12345]));
        assertEquals(200, r.statusCode());
        assertTrue(xml(r.body()).contains("<SyncKey>12345</SyncKey>"));
        assertEquals(Long.toString(r.body().length), r.headers().firstValue("Content-Length").orElseThrow(),
                "a small body is sent with its length, not chunked");
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        start(c -> c.withMaxRequestSize(64 * 1024));
        HttpResponse<byte[]> declared = h.send(h.post("Cmd=Sync&DeviceId=dev1&DeviceType=x", new byte[0])
                .expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1 << 20])));
        assertEquals(413, declared.statusCode());
        // Chunked, no declared length: the limit is found while reading.
        HttpResponse<byte[]> chunked = h.send(h.post("Cmd=Sync&DeviceId=dev1&DeviceType=x", new byte[0])
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[200_000]))));
        assertEquals(413, chunked.statusCode());
        assertEquals(200, h.send(h.post("Cmd=Sync&DeviceId=dev1&DeviceType=x", new byte[64 * 1024])).statusCode());
    }

    @Test
    void multipartFraming() throws Exception {
        start();
        HttpResponse<byte[]> r = h.send(h.post("Cmd=ItemOperations&DeviceId=dev1&DeviceType=x", new byte[0])
                .header("MS-ASAcceptMultiPart", "T"));
        assertEquals(200, r.statusCode());
        assertEquals(EasServlet.MULTIPART, r.headers().firstValue("Content-Type").orElseThrow());
        ByteBuffer b = ByteBuffer.wrap(r.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3, b.getInt());
        int[] offsets = new int[3];
        int[] lengths = new int[3];
        for (int i = 0; i < 3; i++) {
            offsets[i] = b.getInt();
            lengths[i] = b.getInt();
        }
        assertEquals(4 + 3 * 8, offsets[0]);
        assertEquals(offsets[0] + lengths[0], offsets[1]);
        assertEquals(offsets[1] + lengths[1], offsets[2]);
        assertEquals(r.body().length, offsets[2] + lengths[2]);
        byte[] part0 = java.util.Arrays.copyOfRange(r.body(), offsets[0], offsets[0] + lengths[0]);
        assertTrue(xml(part0).contains("<ItemOperationsxmlns=\"ItemOperations:\"><Status>1</Status>"));
        assertEquals("first part", new String(r.body(), offsets[1], lengths[1], StandardCharsets.US_ASCII));
        assertEquals(70_000, lengths[2]);
        // Without the header, or with it set to F: inline.
        HttpResponse<byte[]> inline = h.send(h.post("Cmd=ItemOperations&DeviceId=dev1&DeviceType=x", new byte[0])
                .header("MS-ASAcceptMultiPart", "F"));
        assertEquals(EasServlet.WBXML, inline.headers().firstValue("Content-Type").orElseThrow());
        // The base64 form asks with the AcceptMultiPart bit of Options.
        byte[] q = {(byte) 141, 19, 0x09, 0x04, 4, 'd', 'e', 'v', '1', 4, (byte) 0xD2, 0x02, (byte) 0x96, 0x49,
            1, 'x', 7, 1, 2};
        HttpResponse<byte[]> b64 = h.send(h.post("", new byte[0]).uri(h.uri("/Microsoft-Server-ActiveSync?"
                + Base64.getEncoder().encodeToString(q))));
        assertEquals(EasServlet.MULTIPART, b64.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void gzipWhenAsked() throws Exception {
        start();
        HttpResponse<byte[]> plain = h.send(h.post(FOLDER_SYNC, new byte[7]));
        HttpResponse<byte[]> zipped = h.send(h.post(FOLDER_SYNC, new byte[7]).header("Accept-Encoding", "gzip, deflate"));
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElseThrow());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertArrayEquals(plain.body(), in.readAllBytes());
        }
        HttpResponse<byte[]> refused = h.send(h.post(FOLDER_SYNC, new byte[7]).header("Accept-Encoding", "gzip;q=0"));
        assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty());
    }

    @Test
    void rawContent() throws Exception {
        start();
        HttpResponse<byte[]> r = h.send(h.post("Cmd=GetAttachment&AttachmentName=5%3A1&DeviceId=dev1&DeviceType=x",
                new byte[0]).setHeader("MS-ASProtocolVersion", "12.1"));
        assertEquals(200, r.statusCode());
        assertEquals("hello", new String(r.body(), StandardCharsets.US_ASCII));
        assertEquals("5", r.headers().firstValue("Content-Length").orElseThrow());
    }

    // ---- handler outcomes

    @Test
    void asyncHandlerAnswersWhenItsStageCompletes() throws Exception {
        start();
        CompletableFuture<HttpResponse<byte[]>> pending = h.http.sendAsync(
                h.post("Cmd=Ping&DeviceId=dev1&DeviceType=x", new byte[0]).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<CommandResponse> ping = pings.poll(10, TimeUnit.SECONDS);
        assertNotNull(ping, "the Ping reached its handler");
        assertFalse(pending.isDone());
        ping.complete(new CommandResponse.Wbxml(out -> out.write(doc("Ping", "Ping", "2"))));
        HttpResponse<byte[]> r = pending.get(30, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertTrue(xml(r.body()).contains("<Status>2</Status>"));

        CompletableFuture<HttpResponse<byte[]>> failing = h.http.sendAsync(
                h.post("Cmd=Ping&DeviceId=dev1&DeviceType=x", new byte[0]).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        pings.poll(10, TimeUnit.SECONDS).completeExceptionally(
                new StoreUnavailableException("gone", Duration.ofSeconds(9), null));
        HttpResponse<byte[]> f = failing.get(30, TimeUnit.SECONDS);
        assertEquals(503, f.statusCode());
        assertEquals("9", f.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(h.users.opened.get(), h.users.released.get(), "sessions of async requests given back too");
    }

    @Test
    void failuresGetCleanAnswers() throws Exception {
        start();
        HttpResponse<byte[]> unavailable = h.send(h.post("Cmd=GetItemEstimate&DeviceId=dev1&DeviceType=x", new byte[0]));
        assertEquals(503, unavailable.statusCode());
        assertEquals("17", unavailable.headers().firstValue("Retry-After").orElseThrow());
        HttpResponse<byte[]> bug = h.send(h.post("Cmd=MoveItems&DeviceId=dev1&DeviceType=x", new byte[0]));
        assertEquals(500, bug.statusCode());
        assertEquals(0, bug.body().length, "no stack trace for the client");
        HttpResponse<byte[]> badWbxml = h.send(h.post("Cmd=MeetingResponse&DeviceId=dev1&DeviceType=x",
                new byte[] {3, 1, 0x6A, 0, 0x45}));
        assertEquals(400, badWbxml.statusCode());
        HttpResponse<byte[]> malformed = h.send(h.post("Cmd=MeetingResponse&DeviceId=dev1&DeviceType=x",
                doc("MeetingResponse", "MeetingResponse", "1")));
        assertEquals(400, malformed.statusCode());
    }

    // ---- access log

    @Test
    void oneAccessLogLinePerRequest() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                lines.add(e.getLevel() + " " + e.getFormattedMessage());
            }
        };
        Logger logger = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
        appender.start();
        logger.addAppender(appender);
        try {
            start();
            h.devices.provisioned("logdev", 1234567890L);
            String query = "Cmd=FolderSync&User=carol&DeviceId=logdev&DeviceType=iPhone";
            HttpResponse<byte[]> r = h.send(h.post(query, new byte[100]));
            String line = next(lines, "device=logdev");
            assertTrue(line.matches("INFO 127\\.0\\.0\\.1 user=carol device=logdev type=iPhone cmd=FolderSync "
                    + "version=14\\.1 status=200 in=100 out=" + r.body().length + " ms=\\d+"), line);
            h.send(h.post(query, new byte[0]).setHeader("Authorization", Harness.basic("carol", "nope")));
            String refused = next(lines, "device=logdev");
            assertTrue(refused.matches("INFO 127\\.0\\.0\\.1 user=carol device=logdev type=iPhone cmd=FolderSync "
                    + "version=- status=401 in=0 out=0 ms=\\d+"), refused);
        } finally {
            logger.detachAppender(appender);
        }
    }

    /** The next captured line that mentions a marker (lines of other requests are skipped). */
    private static String next(BlockingQueue<String> lines, String marker) throws InterruptedException {
        while (true) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertNotNull(line, "no access log line with " + marker);
            if (line.contains(marker)) {
                return line;
            }
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
