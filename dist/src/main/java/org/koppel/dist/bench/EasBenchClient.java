package org.koppel.dist.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.Command;
import org.koppel.eas.foldersync.FolderHierarchyCodec;
import org.koppel.eas.foldersync.FolderSyncRequest;
import org.koppel.eas.foldersync.FolderSyncResponse;
import org.koppel.eas.foldersync.FolderType;
import org.koppel.eas.ping.PingCodec;
import org.koppel.eas.ping.PingRequest;
import org.koppel.eas.ping.PingResponse;
import org.koppel.eas.sync.ApplicationDataDecoder;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.sync.BodyPreference;
import org.koppel.eas.sync.SyncCodec;
import org.koppel.eas.sync.SyncOptions;
import org.koppel.eas.sync.SyncRequest;
import org.koppel.eas.sync.SyncResponse;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * The benchmarks' ActiveSync client: one device of one user speaking 14.1 to a gateway over real HTTP, with
 * eas-gateway's command codecs in the client's direction. It does only what {@code koppel bench eas} needs
 * (FolderSync for the Inbox's CollectionId, Sync of the Inbox with a plain-text body preference, Ping on it);
 * items are read only as far as counting them and the text they carry.
 */
final class EasBenchClient {

    static final CodePages PAGES = CodePages.load();
    static final ProtocolVersion VERSION = ProtocolVersion.V14_1;

    /** What the client keeps of an item: the characters of text it carried (subject, preview, ...). */
    record Item(int textChars) {
    }

    /** One page of a Sync: the collection's answer, or empty when the gateway had nothing to say. */
    record Page(Optional<SyncResponse.Collection<Item>> collection, int bytes) {
        int items() {
            return collection.map(c -> c.commands().size()).orElse(0);
        }
    }

    private static final ApplicationDataDecoder<Item> ITEM = (collectionId, in) -> {
        // Skips the ApplicationData element, counting its text; the gateway's encoding is not what is measured.
        var raw = in.raw();
        int depth = 1;
        int chars = 0;
        while (depth > 0) {
            switch (raw.next()) {
                case START_TAG -> depth++;
                case END_TAG -> depth--;
                case TEXT -> chars += raw.text().length();
                case OPAQUE -> chars += (int) raw.opaqueLength();
                case END_DOCUMENT -> throw in.invalid("document ended inside ApplicationData");
            }
        }
        return new Item(chars);
    };

    private final HttpClient http;
    private final String endpoint;
    private final String authorization;
    private final SyncCodec sync = new SyncCodec(PAGES);
    private final PingCodec ping = new PingCodec(PAGES);
    private final FolderHierarchyCodec hierarchy = new FolderHierarchyCodec(PAGES);

    EasBenchClient(HttpClient http, String base, String user, String password, String deviceId) {
        this.http = http;
        this.endpoint = base + "/Microsoft-Server-ActiveSync?Cmd=%s&User=" + URLEncoder.encode(user,
                StandardCharsets.UTF_8) + "&DeviceId=" + URLEncoder.encode(deviceId, StandardCharsets.UTF_8)
                + "&DeviceType=KoppelBench";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** FolderSync from key 0; the Inbox's CollectionId. */
    String inbox() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = send(Command.FOLDER_SYNC,
                encode(w -> hierarchy.encodeFolderSyncRequest(w, new FolderSyncRequest("0"))));
        FolderSyncResponse response = decode(r, in -> hierarchy.decodeFolderSyncResponse(in, VERSION));
        return response.changes().stream()
                .filter(c -> c instanceof FolderSyncResponse.Add a && a.folder().type() == FolderType.DEFAULT_INBOX)
                .map(c -> ((FolderSyncResponse.Add) c).folder().serverId()).findFirst()
                .orElseThrow(() -> new IOException("FolderSync sent no Inbox: " + response));
    }

    /**
     * One Sync of one collection. With key 0 it sends the Options (email, no filter, plain text truncated to
     * {@code truncation} bytes), which the gateway keeps for the keys that follow.
     */
    Page sync(String collectionId, String syncKey, int windowSize, long truncation)
            throws IOException, InterruptedException {
        List<SyncOptions> options = !syncKey.equals("0") ? List.of()
                : List.of(new SyncOptions(Optional.empty(), Optional.of(0),
                        List.of(new BodyPreference(1, Optional.of(truncation), Optional.empty(), Optional.empty())),
                        List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()));
        SyncRequest<ApplicationDataWriter> request = new SyncRequest<>(List.of(new SyncRequest.Collection<>(
                Optional.empty(), syncKey, collectionId, List.of(), Optional.empty(), Optional.empty(),
                Optional.of(windowSize), Optional.empty(), options, List.of())), Optional.empty(), Optional.empty(),
                Optional.empty(), false);
        HttpResponse<byte[]> r = send(Command.SYNC, encode(w -> sync.encodeRequest(w, request)));
        if (r.statusCode() == 200 && r.body().length == 0) {
            return new Page(Optional.empty(), 0);
        }
        SyncResponse<Item> response = decode(r, in -> sync.decodeResponse(in, VERSION, ITEM));
        if (response.collections().size() != 1) {
            throw new IOException("Sync answered " + response.status() + " without the collection");
        }
        return new Page(Optional.of(response.collections().get(0)), r.body().length);
    }

    /** A Search as written; its response with each mail result's properties skipped over. */
    org.koppel.eas.search.SearchResponse<Item> search(org.koppel.eas.search.SearchRequest request)
            throws IOException, InterruptedException {
        org.koppel.eas.search.SearchCodec codec = new org.koppel.eas.search.SearchCodec(PAGES);
        HttpResponse<byte[]> r = send(Command.SEARCH, encode(w -> codec.encodeRequest(w, request)));
        return decode(r, in -> codec.decodeResponse(in, VERSION, ITEM));
    }

    /** A Ping on one email folder, answered whenever the gateway answers it. */
    CompletableFuture<HttpResponse<byte[]>> ping(String collectionId, int heartbeatSeconds) {
        byte[] body = encode(w -> ping.encodeRequest(w, new PingRequest(Optional.of(heartbeatSeconds),
                List.of(new PingRequest.Folder(collectionId, ContentClass.EMAIL)))));
        return http.sendAsync(request(Command.PING, body, Duration.ofSeconds(heartbeatSeconds + 120)),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    PingResponse pingResponse(HttpResponse<byte[]> r) throws IOException {
        return decode(r, in -> ping.decodeResponse(in, VERSION));
    }

    private interface Encoder {
        void encode(WbxmlWriter w) throws IOException;
    }

    private interface Decoder<T> {
        T decode(WbxmlReader in) throws DecodeException, IOException;
    }

    private static byte[] encode(Encoder e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            e.encode(new WbxmlWriter(out, PAGES, VERSION));
        } catch (IOException x) {
            throw new IllegalStateException("encoding a request in memory", x);
        }
        return out.toByteArray();
    }

    private static <T> T decode(HttpResponse<byte[]> r, Decoder<T> d) throws IOException {
        if (r.statusCode() != 200 || r.body().length == 0) {
            throw new IOException(r.request().uri().getQuery().split("&")[0] + " answered HTTP " + r.statusCode()
                    + " with " + r.body().length + " bytes");
        }
        try {
            return d.decode(new WbxmlReader(new ByteArrayInputStream(r.body()), PAGES));
        } catch (DecodeException e) {
            throw new IOException("the gateway's answer does not decode: " + e.getMessage(), e);
        }
    }

    private HttpRequest request(Command command, byte[] body, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(endpoint.formatted(command.wireName())))
                .header("Authorization", authorization)
                .header("MS-ASProtocolVersion", VERSION.header())
                .header("Content-Type", "application/vnd.ms-sync.wbxml")
                .header("User-Agent", "Koppel-Bench/1.0")
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpResponse<byte[]> send(Command command, byte[] body) throws IOException, InterruptedException {
        return http.send(request(command, body, Duration.ofMinutes(5)), HttpResponse.BodyHandlers.ofByteArray());
    }
}
