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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.Command;
import org.koppel.eas.composemail.ComposeMailCodec;
import org.koppel.eas.composemail.ComposeMailRequest;
import org.koppel.eas.composemail.ComposeMailStatus;
import org.koppel.eas.composemail.Mime;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * SendMail, SmartReply and SmartForward as a phone of one protocol version sends them, over real HTTP: from
 * 14.0 the WBXML form through the gateway's own codec in the client's direction, before it the MIME as a
 * message/rfc822 body with the source and SaveInSent in the query.
 */
final class ComposeClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** What the gateway answered: the HTTP status and, for a 14.0+ failure, the Status element. */
    record Answer(int http, Optional<ComposeMailStatus> status, int bodyLength) {
        boolean ok() {
            return http == 200 && bodyLength == 0;
        }
    }

    /** The parameters of one request, whichever form carries them. */
    record Send(Command command, Optional<String> clientId, boolean saveInSent, boolean replaceMime,
            Optional<String> collectionId, Optional<String> itemId, Optional<String> longId, Optional<String> accountId,
            List<ComposeMailRequest.Forwardee> forwardees, byte[] mime) {

        static Send mail(String mime) {
            return new Send(Command.SEND_MAIL, Optional.empty(), false, false, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), List.of(), mime.getBytes(StandardCharsets.UTF_8));
        }

        static Send smart(Command command, String collectionId, String itemId, String mime) {
            return new Send(command, Optional.empty(), false, false, Optional.of(collectionId), Optional.of(itemId),
                    Optional.empty(), Optional.empty(), List.of(), mime.getBytes(StandardCharsets.UTF_8));
        }

        Send clientId(String id) {
            return new Send(command, Optional.of(id), saveInSent, replaceMime, collectionId, itemId, longId, accountId,
                    forwardees, mime);
        }

        Send withSaveInSent() {
            return new Send(command, clientId, true, replaceMime, collectionId, itemId, longId, accountId, forwardees,
                    mime);
        }

        Send withReplaceMime() {
            return new Send(command, clientId, saveInSent, true, collectionId, itemId, longId, accountId, forwardees,
                    mime);
        }

        Send longId(String id, boolean keepFolderAndItem) {
            return new Send(command, clientId, saveInSent, replaceMime, keepFolderAndItem ? collectionId : Optional.empty(),
                    keepFolderAndItem ? itemId : Optional.empty(), Optional.of(id), accountId, forwardees, mime);
        }

        Send accountId(String id) {
            return new Send(command, clientId, saveInSent, replaceMime, collectionId, itemId, longId, Optional.of(id),
                    forwardees, mime);
        }

        Send forwardees(List<ComposeMailRequest.Forwardee> f) {
            return new Send(command, clientId, saveInSent, replaceMime, collectionId, itemId, longId, accountId, f,
                    mime);
        }
    }

    private final CodePages pages;
    private final String base;
    private final String user;
    private final String deviceId;
    private final String authorization;
    final ProtocolVersion version;

    ComposeClient(CodePages pages, String base, String user, String password, String deviceId,
            ProtocolVersion version) {
        this.pages = pages;
        this.base = base;
        this.user = user;
        this.deviceId = deviceId;
        this.version = version;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    boolean wbxml() {
        return version.compareTo(ProtocolVersion.V14_0) >= 0;
    }

    Answer send(Send s) {
        return wbxml() ? post(s.command(), "", "application/vnd.ms-sync.wbxml", wbxmlBody(s), false)
                : post(s.command(), query(s), "message/rfc822", s.mime(), false);
    }

    /** Any bytes as the command's body, with the request's query and content type of this version. */
    Answer raw(Send s, byte[] body) {
        return wbxml() ? post(s.command(), "", "application/vnd.ms-sync.wbxml", body, false)
                : post(s.command(), query(s), "message/rfc822", body, false);
    }

    /**
     * Like {@link #raw}, but asks for 100-continue before the body, as a client does that expects a refusal of
     * its size: the server can answer before any body byte is on the wire, so its closing the connection
     * cannot race the upload.
     */
    Answer rawAfterContinue(Send s, byte[] body) {
        return wbxml() ? post(s.command(), "", "application/vnd.ms-sync.wbxml", body, true)
                : post(s.command(), query(s), "message/rfc822", body, true);
    }

    byte[] wbxmlBody(Send s) {
        ComposeMailRequest r = new ComposeMailRequest(s.command(), s.clientId(), s.accountId(), s.saveInSent(),
                s.replaceMime(), s.command() == Command.SEND_MAIL ? Optional.empty()
                        : Optional.of(new ComposeMailRequest.Source(s.collectionId(), s.itemId(), s.longId(),
                                Optional.empty())), s.forwardees(), Mime.of(s.mime()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new ComposeMailCodec(pages).encodeRequest(new WbxmlWriter(out, pages, version), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String query(Send s) {
        StringBuilder q = new StringBuilder();
        s.collectionId().ifPresent(v -> q.append("&CollectionId=").append(enc(v)));
        s.itemId().ifPresent(v -> q.append("&ItemId=").append(enc(v)));
        s.longId().ifPresent(v -> q.append("&LongId=").append(enc(v)));
        if (s.saveInSent()) {
            q.append("&SaveInSent=T");
        }
        return q.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Answer post(Command command, String query, String contentType, byte[] body, boolean expectContinue) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/Microsoft-Server-ActiveSync?Cmd="
                        + command.wireName() + "&User=" + user + "&DeviceId=" + deviceId + "&DeviceType=TestPhone"
                        + query))
                .header("Authorization", authorization)
                .header("MS-ASProtocolVersion", version.header())
                .header("X-MS-PolicyKey", "1")
                .header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(2))
                .expectContinue(expectContinue)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> r;
        try {
            r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Optional<ComposeMailStatus> status = Optional.empty();
        if (r.statusCode() == 200 && r.body().length > 0) {
            try {
                status = Optional.of(new ComposeMailCodec(pages).decodeStatus(
                        new WbxmlReader(new ByteArrayInputStream(r.body()), pages), version, command));
            } catch (DecodeException | IOException e) {
                throw new AssertionError("undecodable " + command.wireName() + " response: " + e.getMessage(), e);
            }
        }
        return new Answer(r.statusCode(), status, r.body().length);
    }
}
