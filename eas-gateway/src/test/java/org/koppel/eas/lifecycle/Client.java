package org.koppel.eas.lifecycle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.estimate.GetItemEstimateCodec;
import org.koppel.eas.estimate.GetItemEstimateRequest;
import org.koppel.eas.estimate.GetItemEstimateResponse;
import org.koppel.eas.foldersync.FolderHierarchyCodec;
import org.koppel.eas.foldersync.FolderSyncRequest;
import org.koppel.eas.foldersync.FolderSyncResponse;
import org.koppel.eas.ping.PingCodec;
import org.koppel.eas.ping.PingRequest;
import org.koppel.eas.ping.PingResponse;
import org.koppel.eas.sync.SyncCodec;
import org.koppel.eas.sync.SyncRequest;
import org.koppel.eas.sync.SyncResponse;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * One device of one user talking to the gateway over real HTTP, with the command codecs in the client's
 * direction (requests encoded, responses decoded).
 */
final class Client {

    /**
     * Virtual threads for the client's own asynchronous work: its default cached pool of platform threads grows
     * with a burst of requests under load, and PingTest counts platform threads to see what the server holds.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(10)).build();

    final ProtocolVersion version;
    final String deviceId;
    private final CodePages pages;
    private final String base;
    private final String user;
    private final String authorization;

    Client(CodePages pages, String base, String user, String password, String deviceId, ProtocolVersion version) {
        this.pages = pages;
        this.base = base;
        this.user = user;
        this.deviceId = deviceId;
        this.version = version;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String user() {
        return user;
    }

    /** A Sync; empty when the gateway answered with an empty body (nothing to report). */
    Optional<SyncResponse<MailData>> sync(SyncRequest<MailData> request) {
        return decodeSync(send("Sync", body(w -> new SyncCodec(pages).encodeRequest(w, request))));
    }

    CompletableFuture<Optional<SyncResponse<MailData>>> syncAsync(SyncRequest<MailData> request) {
        return sendAsync("Sync", body(w -> new SyncCodec(pages).encodeRequest(w, request))).thenApply(this::decodeSync);
    }

    private Optional<SyncResponse<MailData>> decodeSync(HttpResponse<byte[]> r) {
        expect200(r);
        if (r.body().length == 0) {
            return Optional.empty();
        }
        return Optional.of(decode(r, in -> new SyncCodec(pages).decodeResponse(in, version, MailData.DECODER)));
    }

    FolderSyncResponse folderSync(String key) {
        HttpResponse<byte[]> r = send("FolderSync",
                body(w -> new FolderHierarchyCodec(pages).encodeFolderSyncRequest(w, new FolderSyncRequest(key))));
        expect200(r);
        return decode(r, in -> new FolderHierarchyCodec(pages).decodeFolderSyncResponse(in, version));
    }

    GetItemEstimateResponse estimate(GetItemEstimateRequest request) {
        HttpResponse<byte[]> r = send("GetItemEstimate",
                body(w -> new GetItemEstimateCodec(pages).encodeRequest(w, request)));
        expect200(r);
        return decode(r, in -> new GetItemEstimateCodec(pages).decodeResponse(in, version));
    }

    PingResponse ping(PingRequest request) {
        return pingAsync(request).join();
    }

    CompletableFuture<PingResponse> pingAsync(PingRequest request) {
        return sendAsync("Ping", body(w -> new PingCodec(pages).encodeRequest(w, request))).thenApply(r -> {
            expect200(r);
            return decode(r, in -> new PingCodec(pages).decodeResponse(in, version));
        });
    }

    PingResponse decodePing(byte[] body) {
        try {
            return new PingCodec(pages).decodeResponse(new WbxmlReader(new ByteArrayInputStream(body), pages), version);
        } catch (DecodeException | IOException e) {
            throw new AssertionError("undecodable Ping response: " + e.getMessage(), e);
        }
    }

    /** Raw bytes to a command, for bodies no codec would write. */
    HttpResponse<byte[]> raw(String command, byte[] body) {
        return send(command, body);
    }

    private interface Encoder {
        void encode(WbxmlWriter w) throws IOException;
    }

    private interface Decoder<T> {
        T decode(WbxmlReader in) throws DecodeException, IOException;
    }

    private byte[] body(Encoder e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            e.encode(new WbxmlWriter(out, pages, version));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return out.toByteArray();
    }

    private <T> T decode(HttpResponse<byte[]> r, Decoder<T> d) {
        try {
            return d.decode(new WbxmlReader(new ByteArrayInputStream(r.body()), pages));
        } catch (DecodeException | IOException e) {
            throw new AssertionError("undecodable response: " + e.getMessage(), e);
        }
    }

    private static void expect200(HttpResponse<byte[]> r) {
        if (r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode());
        }
    }

    private HttpRequest request(String command, byte[] body) {
        return HttpRequest.newBuilder(URI.create(base + "/Microsoft-Server-ActiveSync?Cmd=" + command + "&User="
                        + user + "&DeviceId=" + deviceId + "&DeviceType=TestPhone"))
                .header("Authorization", authorization)
                .header("MS-ASProtocolVersion", version.header())
                .header("X-MS-PolicyKey", "1")
                .header("Content-Type", "application/vnd.ms-sync.wbxml")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpResponse<byte[]> send(String command, byte[] body) {
        try {
            return HTTP.send(request(command, body), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private CompletableFuture<HttpResponse<byte[]>> sendAsync(String command, byte[] body) {
        return HTTP.sendAsync(request(command, body), HttpResponse.BodyHandlers.ofByteArray());
    }
}
