package org.koppel.eas.lifecycle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.itemoperations.ItemOperationsCodec;
import org.koppel.eas.itemoperations.ItemOperationsRequest;
import org.koppel.eas.itemoperations.ItemOperationsResponse;
import org.koppel.eas.move.MoveItemsCodec;
import org.koppel.eas.move.MoveItemsRequest;
import org.koppel.eas.move.MoveItemsResponse;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * One device of one user sending MoveItems, ItemOperations (plain or multipart) and GetAttachment to the gateway
 * over real HTTP, with the gateway's codecs in the client's direction. The multipart answer is taken apart here
 * by the MS-ASCMD 2.2.1.10.1.1 layout, independently of the gateway's writer.
 */
final class ItemsClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A multipart response taken apart: the WBXML document and the other parts, in order (part 1 first). */
    record Multipart(ItemOperationsResponse<FetchedMail> document, List<byte[]> parts) {
        byte[] part(int n) {
            return parts.get(n - 1);
        }
    }

    final ProtocolVersion version;
    private final CodePages pages;
    private final String base;
    private final String user;
    private final String deviceId;
    private final String authorization;

    ItemsClient(Gateway gw, String login, String deviceId, ProtocolVersion version) {
        this.pages = Gateway.PAGES;
        this.base = "http://127.0.0.1:" + gw.server.port();
        this.user = login;
        this.deviceId = deviceId;
        this.version = version;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((login + ":pw-" + login).getBytes(StandardCharsets.UTF_8));
    }

    MoveItemsResponse moveItems(MoveItemsRequest request) {
        HttpResponse<byte[]> r = send("MoveItems", "", encode(w -> new MoveItemsCodec(pages).encodeRequest(w, request)),
                false);
        expect200(r);
        return decode(r.body(), in -> new MoveItemsCodec(pages).decodeResponse(in, version));
    }

    ItemOperationsResponse<FetchedMail> itemOperations(ItemOperationsRequest request) {
        HttpResponse<byte[]> r = itemOperationsRaw(encode(w -> new ItemOperationsCodec(pages).encodeRequest(w, request)),
                false);
        expect200(r);
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.ms-sync.wbxml")) {
            throw new AssertionError("not WBXML: " + r.headers().map());
        }
        return decodeItemOperations(r.body());
    }

    /** ItemOperations with MS-ASAcceptMultiPart: T; the answer must be in the multipart format. */
    Multipart itemOperationsMultipart(ItemOperationsRequest request) {
        HttpResponse<byte[]> r = itemOperationsRaw(encode(w -> new ItemOperationsCodec(pages).encodeRequest(w, request)),
                true);
        expect200(r);
        if (!r.headers().firstValue("Content-Type").orElse("").equals("application/vnd.ms-sync.multipart")) {
            throw new AssertionError("not multipart: " + r.headers().map());
        }
        List<byte[]> all = parts(r.body());
        return new Multipart(decodeItemOperations(all.get(0)), all.subList(1, all.size()));
    }

    HttpResponse<byte[]> itemOperationsRaw(byte[] body, boolean multipart) {
        return send("ItemOperations", "", body, multipart);
    }

    HttpResponse<byte[]> moveItemsRaw(byte[] body) {
        return send("MoveItems", "", body, false);
    }

    /** GetAttachment with AttachmentName in the query (12.x, 14.x). */
    HttpResponse<byte[]> getAttachment(String fileReference) {
        return send("GetAttachment", "&AttachmentName=" + URLEncoder.encode(fileReference, StandardCharsets.UTF_8),
                new byte[0], false);
    }

    ItemOperationsResponse<FetchedMail> decodeItemOperations(byte[] body) {
        return decode(body, in -> new ItemOperationsCodec(pages).decodeResponse(in, version, FetchedMail.DECODER));
    }

    /** MS-ASCMD 2.2.1.10.1.1: count, then offset and length per part (32-bit little-endian), then the parts. */
    static List<byte[]> parts(byte[] body) {
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getInt();
        if (count < 1 || 4L + 8L * count > body.length) {
            throw new AssertionError("bad part count " + count);
        }
        List<byte[]> out = new ArrayList<>();
        long expectedOffset = 4L + 8L * count;
        for (int i = 0; i < count; i++) {
            int offset = b.getInt(4 + 8 * i);
            int length = b.getInt(8 + 8 * i);
            if (offset != expectedOffset || (long) offset + length > body.length) {
                throw new AssertionError("part " + i + " at " + offset + "+" + length + " of " + body.length);
            }
            out.add(Arrays.copyOfRange(body, offset, offset + length));
            expectedOffset += length;
        }
        if (expectedOffset != body.length) {
            throw new AssertionError(body.length - expectedOffset + " bytes after the last part");
        }
        return out;
    }

    private interface Encoder {
        void encode(WbxmlWriter w) throws IOException;
    }

    private interface Decoder<T> {
        T decode(WbxmlReader in) throws DecodeException, IOException;
    }

    private byte[] encode(Encoder e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            e.encode(new WbxmlWriter(out, pages, version));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return out.toByteArray();
    }

    private <T> T decode(byte[] body, Decoder<T> d) {
        try {
            return d.decode(new WbxmlReader(new ByteArrayInputStream(body), pages));
        } catch (DecodeException | IOException e) {
            throw new AssertionError("undecodable response: " + e.getMessage(), e);
        }
    }

    static void expect200(HttpResponse<byte[]> r) {
        if (r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode());
        }
    }

    private HttpResponse<byte[]> send(String command, String extraQuery, byte[] body, boolean multipart) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/Microsoft-Server-ActiveSync?Cmd=" + command
                        + "&User=" + user + "&DeviceId=" + deviceId + "&DeviceType=TestPhone" + extraQuery))
                .header("Authorization", authorization)
                .header("MS-ASProtocolVersion", version.header())
                .header("X-MS-PolicyKey", "1")
                .header("Content-Type", "application/vnd.ms-sync.wbxml")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (multipart) {
            b.header("MS-ASAcceptMultiPart", "T");
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
