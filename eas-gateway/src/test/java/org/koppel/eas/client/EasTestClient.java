package org.koppel.eas.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.Command;
import org.koppel.eas.foldersync.FolderCreateRequest;
import org.koppel.eas.foldersync.FolderCreateResponse;
import org.koppel.eas.foldersync.FolderDeleteRequest;
import org.koppel.eas.foldersync.FolderDeleteResponse;
import org.koppel.eas.foldersync.FolderHierarchyCodec;
import org.koppel.eas.foldersync.FolderSyncRequest;
import org.koppel.eas.foldersync.FolderSyncResponse;
import org.koppel.eas.foldersync.FolderType;
import org.koppel.eas.foldersync.FolderUpdateRequest;
import org.koppel.eas.foldersync.FolderUpdateResponse;
import org.koppel.eas.provision.DeviceInformation;
import org.koppel.eas.provision.PolicyType;
import org.koppel.eas.provision.ProvisionCodec;
import org.koppel.eas.provision.ProvisionRequest;
import org.koppel.eas.provision.ProvisionResponse;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * An ActiveSync client for tests: one user on one device speaking one protocol version to a gateway over real
 * HTTP (java.net.http), with the gateway's own command codecs in the client's direction. It keeps the policy
 * key it was given and sends it with every request, as a phone does. Commands not wrapped here go through
 * {@link #post}.
 */
public final class EasTestClient {

    /** Writes a request document; {@code null} in its place sends an empty body. */
    @FunctionalInterface
    public interface RequestWriter {
        void write(WbxmlWriter out) throws IOException;
    }

    /** Reads a response document. */
    @FunctionalInterface
    public interface ResponseReader<T> {
        T read(WbxmlReader in, ProtocolVersion version) throws DecodeException, IOException;
    }

    /**
     * What came back: the HTTP status and headers, the raw body, and the decoded document when the answer was
     * 200 with a WBXML body.
     */
    public record Reply<T>(int httpStatus, HttpHeaders headers, byte[] rawBody, Optional<T> body) {
        /** The decoded document; fails the test with the HTTP status when there is none. */
        public T document() {
            return body.orElseThrow(() -> new AssertionError("no WBXML document, HTTP " + httpStatus));
        }
    }

    /** Both phases of provisioning as the client saw them. */
    public record Provisioned(Reply<ProvisionResponse> download, Reply<ProvisionResponse> acknowledgement) {
    }

    public static final CodePages PAGES = CodePages.load();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String user;
    private final String password;
    private final String deviceId;
    private final String deviceType;
    private final ProtocolVersion version;
    private final ProvisionCodec provision = new ProvisionCodec(PAGES);
    private final FolderHierarchyCodec hierarchy = new FolderHierarchyCodec(PAGES);
    private OptionalLong policyKey = OptionalLong.empty();

    /** @param base the gateway's address, e.g. {@code http://127.0.0.1:8080} */
    public EasTestClient(URI base, String user, String password, String deviceId, String deviceType,
            ProtocolVersion version) {
        this.endpoint = base.resolve("/Microsoft-Server-ActiveSync");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.deviceType = Objects.requireNonNull(deviceType, "deviceType");
        this.version = Objects.requireNonNull(version, "version");
    }

    public ProtocolVersion version() {
        return version;
    }

    public String user() {
        return user;
    }

    public String deviceId() {
        return deviceId;
    }

    public OptionalLong policyKey() {
        return policyKey;
    }

    /** Sets the key sent as X-MS-PolicyKey (empty: none), e.g. to try a wrong one. */
    public void policyKey(OptionalLong key) {
        policyKey = Objects.requireNonNull(key, "key");
    }

    /** OPTIONS, as a client asks which versions and commands the server has. */
    public HttpResponse<Void> options() throws IOException, InterruptedException {
        return http.send(authorized(HttpRequest.newBuilder(endpoint)).method("OPTIONS",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * POSTs a command in the plain query form with the client's version and policy key, and decodes the WBXML
     * answer with {@code reader}.
     */
    public <T> Reply<T> post(Command command, RequestWriter writer, ResponseReader<T> reader)
            throws IOException, InterruptedException {
        byte[] body = new byte[0];
        if (writer != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(new WbxmlWriter(out, PAGES, version));
            body = out.toByteArray();
        }
        return postRaw(command, body, reader);
    }

    /** As {@link #post} with the body bytes as given (broken WBXML, say). */
    public <T> Reply<T> postRaw(Command command, byte[] body, ResponseReader<T> reader)
            throws IOException, InterruptedException {
        String query = "?Cmd=" + command.wireName() + "&User=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&DeviceId=" + URLEncoder.encode(deviceId, StandardCharsets.UTF_8)
                + "&DeviceType=" + URLEncoder.encode(deviceType, StandardCharsets.UTF_8);
        HttpRequest.Builder b = authorized(HttpRequest.newBuilder(URI.create(endpoint + query)))
                .header("MS-ASProtocolVersion", version.header())
                .header("Content-Type", "application/vnd.ms-sync.wbxml")
                .header("User-Agent", "Koppel-EasTestClient/1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        policyKey.ifPresent(k -> b.header("X-MS-PolicyKey", Long.toString(k)));
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Optional<T> doc = Optional.empty();
        boolean wbxml = r.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.ms-sync.wbxml");
        if (r.statusCode() == 200 && wbxml && r.body().length > 0) {
            try {
                doc = Optional.of(reader.read(new WbxmlReader(new ByteArrayInputStream(r.body()), PAGES), version));
            } catch (DecodeException e) {
                throw new IOException("the gateway's " + command.wireName() + " response does not decode", e);
            }
        }
        return new Reply<>(r.statusCode(), r.headers(), r.body(), doc);
    }

    // --- Provision -----------------------------------------------------------------------------------------

    /** Sends a Provision request as given and returns the answer (the key is not kept). */
    public Reply<ProvisionResponse> provision(ProvisionRequest request) throws IOException, InterruptedException {
        return post(Command.PROVISION, out -> provision.encodeRequest(out, request), provision::decodeResponse);
    }

    /**
     * Both phases: downloads the policy (with device information from 14.1), acknowledges its temporary key as
     * applied, and keeps the final key for the requests that follow.
     */
    public Provisioned provision() throws IOException, InterruptedException {
        policyKey = OptionalLong.empty();
        Optional<DeviceInformation> info = version.compareTo(ProtocolVersion.V14_1) >= 0
                ? Optional.of(new DeviceInformation(Optional.of("Test Phone"), Optional.empty(),
                        Optional.of("Koppel test device"), Optional.of("TestOS 1.0"), Optional.of("en-US"),
                        Optional.empty(), Optional.of("Koppel-EasTestClient/1.0"), Optional.of(false),
                        Optional.empty()))
                : Optional.empty();
        Reply<ProvisionResponse> download = provision(new ProvisionRequest(info, Optional.of(
                new ProvisionRequest.Policy(PolicyType.WBXML, Optional.empty(), Optional.empty())), Optional.empty()));
        String temporary = download.document().policy().flatMap(ProvisionResponse.Policy::policyKey)
                .orElseThrow(() -> new AssertionError("no temporary policy key: " + download.document()));
        Reply<ProvisionResponse> ack = acknowledge(temporary, ProvisionRequest.AckStatus.APPLIED);
        ack.body().flatMap(ProvisionResponse::policy).flatMap(ProvisionResponse.Policy::policyKey)
                .ifPresent(k -> policyKey = OptionalLong.of(Long.parseLong(k)));
        return new Provisioned(download, ack);
    }

    /** Phase two alone: acknowledges a temporary key with a status. */
    public Reply<ProvisionResponse> acknowledge(String temporaryKey, ProvisionRequest.AckStatus status)
            throws IOException, InterruptedException {
        return provision(new ProvisionRequest(Optional.empty(), Optional.of(new ProvisionRequest.Policy(
                PolicyType.WBXML, Optional.of(temporaryKey), Optional.of(status))), Optional.empty()));
    }

    // --- the folder hierarchy ------------------------------------------------------------------------------

    public Reply<FolderSyncResponse> folderSync(String syncKey) throws IOException, InterruptedException {
        return post(Command.FOLDER_SYNC, out -> hierarchy.encodeFolderSyncRequest(out, new FolderSyncRequest(syncKey)),
                hierarchy::decodeFolderSyncResponse);
    }

    public Reply<FolderCreateResponse> folderCreate(String syncKey, String parentId, String name, FolderType type)
            throws IOException, InterruptedException {
        return post(Command.FOLDER_CREATE, out -> hierarchy.encodeFolderCreateRequest(out,
                new FolderCreateRequest(syncKey, parentId, name, type)), hierarchy::decodeFolderCreateResponse);
    }

    public Reply<FolderUpdateResponse> folderUpdate(String syncKey, String serverId, String parentId, String name)
            throws IOException, InterruptedException {
        return post(Command.FOLDER_UPDATE, out -> hierarchy.encodeFolderUpdateRequest(out,
                new FolderUpdateRequest(syncKey, serverId, parentId, name)), hierarchy::decodeFolderUpdateResponse);
    }

    public Reply<FolderDeleteResponse> folderDelete(String syncKey, String serverId)
            throws IOException, InterruptedException {
        return post(Command.FOLDER_DELETE, out -> hierarchy.encodeFolderDeleteRequest(out,
                new FolderDeleteRequest(syncKey, serverId)), hierarchy::decodeFolderDeleteResponse);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder b) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return b.header("Authorization", "Basic " + token).timeout(Duration.ofSeconds(60));
    }
}
