package org.koppel.dist.bench;

import static org.koppel.mapi.PropTags.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.koppel.backend.BackendSession;
import org.koppel.backend.EasFolderType;
import org.koppel.backend.EmailItem;
import org.koppel.backend.ExportOptions;
import org.koppel.backend.FilterType;
import org.koppel.backend.ItemChange;
import org.koppel.backend.mapi.MapiBackend;
import org.koppel.dist.KoppelVersion;
import org.koppel.dist.runtime.EmbeddedStore;
import org.koppel.eas.gateway.EasConfig;
import org.koppel.eas.gateway.EasGateway;
import org.koppel.eas.gateway.EmailSyncCommands;
import org.koppel.eas.gateway.MailCommands;
import org.koppel.eas.http.EasHttpConfig;
import org.koppel.eas.itemoperations.ItemOperationsCodec;
import org.koppel.eas.itemoperations.ItemOperationsRequest;
import org.koppel.eas.provision.PolicySettings;
import org.koppel.eas.provisioning.DevicePolicy;
import org.koppel.eas.provisioning.ProvisioningMode;
import org.koppel.eas.state.DeviceStateConfig;
import org.koppel.eas.state.DeviceStateStore;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.db.DatabaseConfig;
import org.koppel.store.core.engine.EngineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code koppel bench eas-fetch}: issue 8's figure, ItemOperations Fetch of one large attachment by FileReference
 * through the real servlet over HTTP (protocol 14.1), inline in WBXML and as a multipart response, with the
 * gateway's heap (used heap after a full GC; the gateway runs in this process) before the fetches, while a fetch
 * is half read, and after them. The client streams each response and counts the bytes, holding none of them.
 */
@Command(name = "eas-fetch", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "ActiveSync: ItemOperations fetch throughput of a large attachment, and the gateway's heap.")
final class EasFetchBenchCommand implements Callable<Integer> {

    private static final String SECRET = "koppel-bench-eas-fetch-secret";
    private static final ProtocolVersion VERSION = ProtocolVersion.V14_1;
    private static final CodePages PAGES = CodePages.load();

    @Mixin
    BenchDatabaseOptions databaseOptions;

    @Option(names = "--size-mb", defaultValue = "10", paramLabel = "MB", description = "Attachment size in MiB. Default: ${DEFAULT-VALUE}.")
    int sizeMb;

    @Option(names = "--fetches", defaultValue = "20", paramLabel = "N",
            description = "Fetches measured per form (inline, multipart), after 3 warm-up fetches. Default: ${DEFAULT-VALUE}.")
    int fetches;

    @Override
    public Integer call() throws Exception {
        if (sizeMb < 1 || sizeMb > 1024 || fetches < 1) {
            System.err.println("koppel bench eas-fetch: --size-mb 1 to 1024, --fetches at least 1");
            return 2;
        }
        long size = sizeMb * 1024L * 1024L;
        System.out.println("Koppel ItemOperations fetch benchmark: Java " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, -Xmx" + Runtime.getRuntime().maxMemory() / (1 << 20)
                + "m, protocol " + VERSION.header() + ", load average at start " + BenchMachine.loadAverage());
        EngineConfig engineConfig = EngineConfig.defaults().withPbkdf2Iterations(1_000).withServiceSecret(SECRET);
        Path easDir = Files.createTempDirectory("koppel-bench-eas-fetch");
        try (BenchDatabase database = databaseOptions.open(false);
             EmbeddedStore store = EmbeddedStore.start(database.config(), database.blobStorage(), engineConfig)) {
            MapiBackend backend = new MapiBackend(store.engine(),
                    Optional.of(new MapiBackend.ServiceIdentity("koppel-eas", SECRET)), Clock.systemUTC());
            DatabaseConfig db = database.config();
            DeviceStateStore state = DeviceStateStore.open(DeviceStateConfig.of(
                    org.koppel.eas.state.DatabaseKind.valueOf(db.kind().name()), db.jdbcUrl(), db.user(),
                    db.password()).sharingStoreDatabase());
            EasConfig config = EasConfig.defaults(EasHttpConfig.defaults(easDir)
                    .withListen(Optional.of(new EasHttpConfig.Listen("127.0.0.1", 0)), Optional.empty()))
                    .withProvisioning(ProvisioningMode.OFF);
            try (EmailSyncCommands sync = new EmailSyncCommands();
                 EasGateway gateway = EasGateway.start(config, backend, state, DevicePolicy.of(PolicySettings.none()),
                         sync.and(new MailCommands()), Clock.systemUTC());
                 Session admin = store.engine().systemSession()) {
                admin.directory().createUser(NewUser.of("fetcher", "Fetcher", "fetcher@example.org", "pw"));
                long t0 = System.nanoTime();
                String reference = deliver(admin, backend, size);
                System.err.printf("stored a %d MiB attachment in %.1f s over %s%n", sizeMb,
                        (System.nanoTime() - t0) / 1e9, database.describe());
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(30)).build();
                String base = "http://127.0.0.1:" + gateway.port();
                long before = usedHeapAfterGc();
                System.out.printf("%nItemOperations Fetch of a %d MiB attachment by FileReference, %d fetches per form"
                        + " after 3 warm-up fetches, one client, %s%n", sizeMb, fetches, database.describe());
                System.out.printf("gateway heap (used after a full GC, MiB): before %.1f%n", before / 1048576.0);
                for (boolean multipart : new boolean[] {false, true}) {
                    Fetcher f = new Fetcher(http, base, reference, size, multipart);
                    for (int i = 0; i < 3; i++) {
                        f.fetch(false);
                    }
                    long during = f.fetch(true);
                    Latencies latencies = new Latencies(fetches);
                    long wall = 0;
                    for (int i = 0; i < fetches; i++) {
                        long s = System.nanoTime();
                        f.fetch(false);
                        long took = System.nanoTime() - s;
                        latencies.record(took);
                        wall += took;
                    }
                    System.out.printf("%-9s %7.1f MB/s (%d x %d MiB in %.2f s), p50 %.1f ms, p99 %.1f ms per fetch;"
                                    + " heap with a fetch half read: %.1f MiB%n",
                            multipart ? "multipart" : "inline", fetches * (double) size / 1e6 / (wall / 1e9), fetches,
                            sizeMb, wall / 1e9, latencies.percentileMicros(50) / 1e3,
                            latencies.percentileMicros(99) / 1e3, during / 1048576.0);
                }
                long after = usedHeapAfterGc();
                System.out.printf("gateway heap (used after a full GC, MiB): after %.1f (%+.1f)%n", after / 1048576.0,
                        (after - before) / 1048576.0);
                System.out.println("load average at end " + BenchMachine.loadAverage());
            }
        } finally {
            new ScratchDirectory(easDir).close();
        }
        return 0;
    }

    /** One message with the attachment (pseudo-random bytes, generated as stored); its FileReference. */
    private static String deliver(Session admin, MapiBackend backend, long size) {
        var inbox = admin.stores().openUserStore("fetcher").folder(WellKnownFolder.INBOX);
        Instant now = Instant.now();
        admin.messages().create(inbox, new MessageContent(List.of(
                PropValue.of(PR_MESSAGE_CLASS, "IPM.Note"), PropValue.of(PR_SUBJECT, "big attachment"),
                PropValue.of(PR_BODY, "see attached"), PropValue.of(PR_MESSAGE_DELIVERY_TIME, now)),
                List.of(Recipient.of(RecipientType.MAPI_TO, "Fetcher", "fetcher@example.org")),
                List.of(new AttachmentContent.ByValue(List.of(
                        PropValue.of(PR_ATTACH_METHOD, AttachMethod.ATTACH_BY_VALUE.code()),
                        PropValue.of(PR_ATTACH_LONG_FILENAME, "big.bin"),
                        PropValue.of(PR_ATTACH_MIME_TAG, "application/octet-stream")), () -> random(size))), false));
        try (BackendSession s = backend.logonAs("fetcher")) {
            String folder = s.folders().list().stream().filter(f -> f.type() == EasFolderType.INBOX).findFirst()
                    .orElseThrow().id();
            ItemChange.Added added = (ItemChange.Added) s.contents().export(folder, new byte[0],
                    new ExportOptions(FilterType.ALL, 10, List.of())).changes().get(0);
            return ((EmailItem) added.item()).attachments().get(0).fileReference();
        }
    }

    private static InputStream random(long size) {
        SplittableRandom r = new SplittableRandom(8);
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? r.nextInt(256) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) r.nextInt(256);
                }
                left -= n;
                return n;
            }
        };
    }

    /** Sends the fetch and streams the answer, counting the attachment's bytes. */
    private static final class Fetcher {
        private final HttpClient http;
        private final HttpRequest request;
        private final long size;
        private final boolean multipart;

        Fetcher(HttpClient http, String base, String reference, long size, boolean multipart) throws IOException {
            this.http = http;
            this.size = size;
            this.multipart = multipart;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            new ItemOperationsCodec(PAGES).encodeRequest(new WbxmlWriter(body, PAGES, VERSION),
                    new ItemOperationsRequest(List.of(new ItemOperationsRequest.Fetch("Mailbox", Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.of(reference), Optional.empty(),
                            ItemOperationsRequest.FetchOptions.NONE))));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/Microsoft-Server-ActiveSync?Cmd="
                            + org.koppel.eas.command.Command.ITEM_OPERATIONS.wireName() + "&User=fetcher&DeviceId=benchfetch"
                            + (multipart ? "M" : "I") + "&DeviceType=KoppelBench"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "fetcher:pw".getBytes(StandardCharsets.UTF_8)))
                    .header("MS-ASProtocolVersion", VERSION.header())
                    .header("Content-Type", "application/vnd.ms-sync.wbxml")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            if (multipart) {
                b.header("MS-ASAcceptMultiPart", "T");
            }
            this.request = b.build();
        }

        /** One fetch; with {@code measure}, the used heap after a full GC taken when half the data is read. */
        long fetch(boolean measure) throws IOException, InterruptedException {
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                throw new IOException("ItemOperations answered HTTP " + r.statusCode());
            }
            try (InputStream in = r.body()) {
                long[] heap = {-1};
                long got = multipart ? multipart(in, measure, heap) : inline(in, measure, heap);
                if (got != size) {
                    throw new IOException("the fetch brought " + got + " of " + size + " bytes");
                }
                return heap[0];
            }
        }

        private long inline(InputStream in, boolean measure, long[] heap) throws IOException {
            WbxmlReader reader = new WbxmlReader(in, PAGES, org.koppel.eas.wbxml.WbxmlLimits.DEFAULTS
                    .withMaxOpaqueLength(1L << 31).withMaxTotalBytes(1L << 40));
            long got = 0;
            while (true) {
                switch (reader.next()) {
                    case OPAQUE -> got += drain(reader.opaqueStream(), measure, heap);
                    case END_DOCUMENT -> {
                        return got;
                    }
                    default -> {
                    }
                }
            }
        }

        private long multipart(InputStream in, boolean measure, long[] heap) throws IOException {
            ByteBuffer count = ByteBuffer.wrap(in.readNBytes(4)).order(ByteOrder.LITTLE_ENDIAN);
            int parts = count.getInt();
            ByteBuffer meta = ByteBuffer.wrap(in.readNBytes(8 * parts)).order(ByteOrder.LITTLE_ENDIAN);
            long[] lengths = new long[parts];
            for (int i = 0; i < parts; i++) {
                lengths[i] = meta.getInt(8 * i + 4) & 0xFFFF_FFFFL;
            }
            in.readNBytes((int) lengths[0]);
            long got = 0;
            for (int i = 1; i < parts; i++) {
                got += drain(new BoundedStream(in, lengths[i]), measure, heap);
            }
            return got;
        }

        private long drain(InputStream in, boolean measure, long[] heap) throws IOException {
            byte[] buf = new byte[64 * 1024];
            long got = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                got += n;
                if (measure && heap[0] < 0 && got >= size / 2) {
                    heap[0] = usedHeapAfterGc();
                }
            }
            return got;
        }
    }

    /** The next {@code length} bytes of a stream. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            return left-- > 0 ? in.read() : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
