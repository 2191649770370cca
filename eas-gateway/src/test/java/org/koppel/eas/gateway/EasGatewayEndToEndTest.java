package org.koppel.eas.gateway;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.koppel.backend.BackendSession;
import org.koppel.backend.EasFolderType;
import org.koppel.backend.mapi.MapiBackend;
import org.koppel.eas.client.EasTestClient;
import org.koppel.eas.client.EasTestClient.Reply;
import org.koppel.eas.command.Command;
import org.koppel.eas.foldersync.Folder;
import org.koppel.eas.foldersync.FolderCreateResponse;
import org.koppel.eas.foldersync.FolderCreateStatus;
import org.koppel.eas.foldersync.FolderDeleteStatus;
import org.koppel.eas.foldersync.FolderHierarchyCodec;
import org.koppel.eas.foldersync.FolderSyncResponse;
import org.koppel.eas.foldersync.FolderSyncStatus;
import org.koppel.eas.foldersync.FolderType;
import org.koppel.eas.foldersync.FolderUpdateStatus;
import org.koppel.eas.http.EasHttpConfig;
import org.koppel.eas.provision.PolicySetting;
import org.koppel.eas.provision.PolicySettings;
import org.koppel.eas.provision.PolicyType;
import org.koppel.eas.provision.ProvisionRequest;
import org.koppel.eas.provision.ProvisionResponse;
import org.koppel.eas.provision.ProvisionStatus;
import org.koppel.eas.provisioning.DevicePolicy;
import org.koppel.eas.provisioning.ProvisioningMode;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceStateConfig;
import org.koppel.eas.state.DeviceStateStore;
import org.koppel.eas.state.WipeStatus;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlXml;
import org.koppel.store.client.Feature;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.UserKind;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.engine.Engine;
import org.koppel.store.core.engine.EngineConfig;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/**
 * The gateway assembled as {@code koppel serve} assembles it, over a real in-process store (H2) through the MAPI
 * backend and device state on H2, driven over HTTP by the test client: provisioning, the folder hierarchy
 * commands with their keys and statuses, remote wipe, and who may log on, in protocol versions 12.1, 14.1 and
 * 16.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EasGatewayEndToEndTest {

    private static final String SECRET = "gateway-test-secret";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private TestDatabase db;
    private Path dir;
    private Engine engine;
    private Session admin;
    private MapiBackend backend;
    private DeviceStateStore state;
    private EasGateway gateway;
    private final DevicePolicy policy = DevicePolicy.of(PolicySettings.fromPairs(Map.of(
            "DevicePasswordEnabled", "1", "MinDevicePasswordLength", "4", "AllowCamera", "1",
            "MaxAttachmentSize", "unlimited")));

    @BeforeAll
    void start() throws IOException {
        db = TestDatabases.open(DatabaseKind.H2);
        dir = Files.createTempDirectory("koppel-eas-e2e");
        engine = Engine.start(db.database(), new FileBlobStore(db.database(), dir),
                EngineConfig.defaults().withPbkdf2Iterations(1000).withServiceSecret(SECRET));
        admin = engine.systemSession();
        backend = new MapiBackend(engine, Optional.of(new MapiBackend.ServiceIdentity("koppel-eas", SECRET)),
                Clock.systemUTC());
        state = DeviceStateStore.open(DeviceStateConfig.inMemory("eas-e2e-" + System.nanoTime()));
        gateway = start(ProvisioningMode.REQUIRED, state);
    }

    private EasGateway start(ProvisioningMode mode, DeviceStateStore deviceState) {
        EasHttpConfig http = EasHttpConfig.defaults(dir).withListen(
                Optional.of(new EasHttpConfig.Listen("127.0.0.1", 0)), Optional.empty());
        return EasGateway.start(EasConfig.defaults(http).withProvisioning(mode), backend, deviceState, policy,
                EasGateway.noExtraHandlers(), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        admin.close();
        engine.close();
        db.close();
    }

    private String newUser(Set<Feature> features) {
        String login = "eas" + NAMES.incrementAndGet() + Long.toString(System.nanoTime(), 36);
        admin.directory().createUser(new NewUser(login, "EAS User", login + "@example.org", "pw-" + login, false,
                UserKind.USER, List.of(), features));
        return login;
    }

    private EasTestClient client(EasGateway g, String login, String deviceId, ProtocolVersion v) {
        return new EasTestClient(URI.create("http://127.0.0.1:" + g.port()), login, "pw-" + login, deviceId,
                "TestPhone", v);
    }

    private EasTestClient newClient(String version) {
        return client(gateway, newUser(EnumSet.allOf(Feature.class)), "dev" + NAMES.incrementAndGet(),
                ProtocolVersion.fromHeader(version).orElseThrow());
    }

    private static boolean before14(EasTestClient c) {
        return c.version().compareTo(ProtocolVersion.V14_0) < 0;
    }

    // --- provisioning ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"12.1", "14.1", "16.1"})
    void aDeviceMustProvisionInTwoPhasesBeforeItSyncs(String version) throws Exception {
        EasTestClient c = newClient(version);
        Reply<FolderSyncResponse> refused = c.folderSync("0");
        if (before14(c)) {
            assertEquals(449, refused.httpStatus(), "12.x learns of provisioning by HTTP 449");
        } else {
            assertEquals(FolderSyncStatus.DEVICE_NOT_PROVISIONED, refused.document().status());
        }

        EasTestClient.Provisioned p = c.provision();
        ProvisionResponse download = p.download().document();
        assertEquals(ProvisionStatus.SUCCESS, download.status());
        ProvisionResponse.Policy offered = download.policy().orElseThrow();
        assertEquals(PolicyType.WBXML, offered.type());
        assertEquals(ProvisionResponse.PolicyStatus.SUCCESS, offered.status());
        PolicySettings settings = offered.settings().orElseThrow();
        assertEquals(Optional.of(true), settings.flag(PolicySetting.DEVICE_PASSWORD_ENABLED));
        assertEquals(OptionalLong.of(4), settings.number(PolicySetting.MIN_DEVICE_PASSWORD_LENGTH));
        assertEquals(Optional.of(true), settings.flag(PolicySetting.ALLOW_CAMERA), "a 12.1 setting");
        assertEquals(before14(c) ? Optional.empty() : Optional.of(ProvisionResponse.DeviceInformationStatus.SUCCESS),
                download.deviceInformationStatus(), "device information is 14.1+");

        ProvisionResponse ack = p.acknowledgement().document();
        assertEquals(ProvisionStatus.SUCCESS, ack.status());
        assertTrue(ack.policy().orElseThrow().settings().isEmpty(), "no settings in phase two");
        String temporary = offered.policyKey().orElseThrow();
        assertNotEquals(temporary, Long.toString(c.policyKey().orElseThrow()), "the final key is a new one");

        assertEquals(FolderSyncStatus.SUCCESS, c.folderSync("0").document().status());

        // The temporary key is spent: acknowledging it again is the wrong key.
        ProvisionResponse again = c.acknowledge(temporary, ProvisionRequest.AckStatus.APPLIED).document();
        assertEquals(ProvisionResponse.PolicyStatus.WRONG_POLICY_KEY, again.policy().orElseThrow().status());

        OptionalLong good = c.policyKey();
        c.policyKey(OptionalLong.of(good.getAsLong() ^ 0x5a5a));
        Reply<FolderSyncResponse> wrongKey = c.folderSync("0");
        if (before14(c)) {
            assertEquals(449, wrongKey.httpStatus());
        } else {
            assertEquals(FolderSyncStatus.INVALID_POLICY_KEY, wrongKey.document().status());
        }
        c.policyKey(good);
        assertEquals(FolderSyncStatus.SUCCESS, c.folderSync("0").document().status());
    }

    @Test
    void deviceInformationIsKeptFor141() throws Exception {
        EasTestClient c = newClient("14.1");
        c.provision();
        var device = state.devices().findFresh(new DeviceAccount(userOf(c), deviceOf(c))).orElseThrow();
        assertEquals("Test Phone", device.information().model());
        assertEquals("TestOS 1.0", device.information().os());
        assertEquals("14.1", device.protocolVersion());
    }

    @ParameterizedTest
    @CsvSource({"PARTIALLY_APPLIED, DEVICE_NOT_FULLY_PROVISIONABLE", "NOT_APPLIED, DEVICE_NOT_FULLY_PROVISIONABLE",
            "THIRD_PARTY, EXTERNALLY_MANAGED_DEVICES_NOT_ALLOWED"})
    void aPolicyNotFullyAppliedIsRefusedWhenProvisioningIsRequired(ProvisionRequest.AckStatus sent,
            ProvisionStatus expected) throws Exception {
        EasTestClient c = newClient("14.1");
        ProvisionResponse download = c.provision(new ProvisionRequest(Optional.empty(), Optional.of(
                new ProvisionRequest.Policy(PolicyType.WBXML, Optional.empty(), Optional.empty())), Optional.empty()))
                .document();
        ProvisionResponse ack = c.acknowledge(download.policy().orElseThrow().policyKey().orElseThrow(), sent)
                .document();
        assertEquals(expected, ack.status(), "MS-ASPROV 3.1.5.2: 139 for client status 2 and 3, 145 for 4");
    }

    @Test
    void optionalProvisioningLetsADeviceWithoutKeySync() throws Exception {
        try (EasGateway loose = start(ProvisioningMode.OPTIONAL,
                DeviceStateStore.open(DeviceStateConfig.inMemory("eas-loose-" + System.nanoTime())))) {
            EasTestClient c = client(loose, newUser(EnumSet.allOf(Feature.class)), "loose1", ProtocolVersion.V14_1);
            assertEquals(FolderSyncStatus.SUCCESS, c.folderSync("0").document().status(), "no key, no provisioning");
            c.provision();
            c.policyKey(OptionalLong.of(c.policyKey().getAsLong() + 1));
            assertEquals(FolderSyncStatus.INVALID_POLICY_KEY, c.folderSync("0").document().status(),
                    "a device that provisions is held to its key");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.1", "14.1", "16.1"})
    void aRequestedRemoteWipeIsSentThroughProvisionAndAcknowledged(String version) throws Exception {
        EasTestClient c = newClient(version);
        c.provision();
        DeviceAccount account = new DeviceAccount(userOf(c), deviceOf(c));
        state.devices().requestWipe(account, false, "admin");
        Reply<FolderSyncResponse> refused = c.folderSync("0");
        if (before14(c)) {
            assertEquals(449, refused.httpStatus());
        } else {
            assertEquals(FolderSyncStatus.REMOTE_WIPE_REQUESTED, refused.document().status());
        }
        ProvisionResponse wipe = c.provision(new ProvisionRequest(Optional.empty(), Optional.empty(), Optional.empty()))
                .document();
        assertTrue(wipe.remoteWipe(), "the wipe directive");
        assertEquals(WipeStatus.SENT, state.devices().findFresh(account).orElseThrow().wipe().status());
        ProvisionResponse ack = c.provision(new ProvisionRequest(Optional.empty(), Optional.empty(),
                Optional.of(ProvisionRequest.WipeStatus.WIPED))).document();
        assertEquals(ProvisionStatus.SUCCESS, ack.status());
        assertFalse(ack.remoteWipe());
        assertEquals(WipeStatus.ACKNOWLEDGED, state.devices().findFresh(account).orElseThrow().wipe().status());
    }

    // --- who may log on --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"12.1", "14.1", "16.1"})
    void aUserWithoutTheMobileFeatureIsForbiddenAndAWrongPasswordUnauthorized(String version) throws Exception {
        ProtocolVersion v = ProtocolVersion.fromHeader(version).orElseThrow();
        String noMobile = newUser(EnumSet.complementOf(EnumSet.of(Feature.MOBILE)));
        EasTestClient forbidden = client(gateway, noMobile, "nomobile1", v);
        assertEquals(403, forbidden.options().statusCode());
        var refused = forbidden.folderSync("0");
        if (v.compareTo(ProtocolVersion.V14_0) >= 0) {
            // [MS-ASCMD] 2.2.2: from 14.0 UserDisabledForSync is the command's Status
            assertEquals(200, refused.httpStatus());
            assertEquals(org.koppel.eas.foldersync.FolderSyncStatus.USER_DISABLED_FOR_SYNC, refused.document().status());
        } else {
            assertEquals(403, refused.httpStatus());
        }

        String login = newUser(EnumSet.allOf(Feature.class));
        EasTestClient wrong = new EasTestClient(URI.create("http://127.0.0.1:" + gateway.port()), login, "not-it",
                "wrongpw1", "TestPhone", v);
        assertEquals(401, wrong.options().statusCode());
        assertEquals(401, wrong.folderSync("0").httpStatus());

        EasTestClient right = client(gateway, login, "rightpw1", v);
        var options = right.options();
        assertEquals(200, options.statusCode());
        assertTrue(options.headers().firstValue("MS-ASProtocolVersions").orElse("").contains(version));
    }

    // --- the folder hierarchy --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"12.1", "14.1", "16.1"})
    void folderHierarchyLifecycle(String version) throws Exception {
        EasTestClient c = newClient(version);
        c.provision();

        FolderSyncResponse initial = c.folderSync("0").document();
        assertEquals(FolderSyncStatus.SUCCESS, initial.status());
        List<Folder> all = initial.changes().stream().map(ch -> ((FolderSyncResponse.Add) ch).folder()).toList();
        Set<FolderType> types = all.stream().map(Folder::type).collect(Collectors.toSet());
        assertTrue(types.containsAll(EnumSet.of(FolderType.DEFAULT_INBOX, FolderType.DEFAULT_DRAFTS,
                FolderType.DEFAULT_DELETED_ITEMS, FolderType.DEFAULT_SENT_ITEMS, FolderType.DEFAULT_OUTBOX,
                FolderType.DEFAULT_TASKS, FolderType.DEFAULT_CALENDAR, FolderType.DEFAULT_CONTACTS,
                FolderType.DEFAULT_NOTES, FolderType.DEFAULT_JOURNAL)), "every default folder: " + types);
        Set<String> ids = all.stream().map(Folder::serverId).collect(Collectors.toSet());
        assertEquals(all.size(), ids.size(), "ServerIds are unique");
        for (Folder f : all) {
            assertTrue(f.parentId().equals("0") || ids.contains(f.parentId()), "parent of " + f);
        }
        String inbox = all.stream().filter(f -> f.type() == FolderType.DEFAULT_INBOX).findFirst().orElseThrow()
                .serverId();
        String k1 = initial.syncKey().orElseThrow();

        FolderSyncResponse nothing = c.folderSync(k1).document();
        assertEquals(Optional.of(k1), nothing.syncKey(), "nothing changed: the key stays");
        assertEquals(List.of(), nothing.changes());

        FolderCreateResponse projects = c.folderCreate(k1, "0", "Projects", FolderType.USER_CREATED_MAIL).document();
        assertEquals(FolderCreateStatus.SUCCESS, projects.status());
        String p = projects.serverId().orElseThrow();
        String k2 = projects.syncKey().orElseThrow();
        FolderCreateResponse sub = c.folderCreate(k2, p, "Sub", FolderType.USER_CREATED_MAIL).document();
        String k3 = sub.syncKey().orElseThrow();
        assertEquals(List.of(), c.folderSync(k3).document().changes(), "the device's own folders are not sent back");

        // Another client adds a folder: the next FolderSync brings it; repeated with the same key, the same answer.
        try (BackendSession other = backend.logon(userOf(c), "pw-" + userOf(c))) {
            other.folders().create(Optional.empty(), "Elsewhere", EasFolderType.USER_MAIL);
        }
        FolderSyncResponse added = c.folderSync(k3).document();
        assertEquals(1, added.changes().size(), added.toString());
        Folder elsewhere = ((FolderSyncResponse.Add) added.changes().get(0)).folder();
        assertEquals("Elsewhere", elsewhere.displayName());
        assertEquals("0", elsewhere.parentId());
        assertEquals(FolderType.USER_CREATED_MAIL, elsewhere.type());
        String k4 = added.syncKey().orElseThrow();
        assertEquals(added, c.folderSync(k3).document(), "a lost response is repeated, key and all");
        assertEquals(FolderSyncStatus.SUCCESS, c.folderSync(k4).document().status());
        assertEquals(FolderSyncStatus.INVALID_SYNC_KEY, c.folderSync(k2).document().status(), "superseded");

        var renamed = c.folderUpdate(k4, p, "0", "Projects 2024").document();
        assertEquals(FolderUpdateStatus.SUCCESS, renamed.status());
        String k5 = renamed.syncKey().orElseThrow();
        assertEquals(List.of(), c.folderSync(k5).document().changes());
        EasTestClient secondDevice = client(gateway, userOf(c), deviceOf(c) + "b", c.version());
        secondDevice.provision();
        List<String> seenElsewhere = secondDevice.folderSync("0").document().changes().stream()
                .map(ch -> ((FolderSyncResponse.Add) ch).folder().displayName()).toList();
        assertTrue(seenElsewhere.containsAll(List.of("Projects 2024", "Sub", "Elsewhere")), seenElsewhere.toString());

        assertEquals(FolderCreateStatus.ALREADY_EXISTS,
                c.folderCreate(k5, "0", "Projects 2024", FolderType.USER_CREATED_MAIL).document().status());
        assertEquals(FolderCreateStatus.PARENT_NOT_FOUND,
                c.folderCreate(k5, "999", "Orphan", FolderType.USER_CREATED_MAIL).document().status());
        assertEquals(FolderCreateStatus.INVALID_SYNC_KEY,
                c.folderCreate("bogus", "0", "Whatever", FolderType.USER_CREATED_MAIL).document().status());
        assertEquals(FolderUpdateStatus.ALREADY_EXISTS_OR_SPECIAL,
                c.folderUpdate(k5, inbox, "0", "Not the Inbox").document().status());
        assertEquals(FolderUpdateStatus.NOT_FOUND, c.folderUpdate(k5, "999", "0", "Nothing").document().status());
        assertEquals(FolderDeleteStatus.SPECIAL_FOLDER, c.folderDelete(k5, inbox).document().status());
        assertEquals(FolderDeleteStatus.NOT_FOUND, c.folderDelete(k5, "999").document().status());
        assertEquals(FolderDeleteStatus.INVALID_SYNC_KEY, c.folderDelete(k1, p).document().status());

        var deleted = c.folderDelete(k5, p).document();
        assertEquals(FolderDeleteStatus.SUCCESS, deleted.status());
        String k6 = deleted.syncKey().orElseThrow();
        var again = c.folderDelete(k5, p).document();
        assertEquals(Optional.of(k6), again.syncKey(), "a repeated delete gets the same key");
        assertEquals(List.of(), c.folderSync(k6).document().changes(), "the folder and its subfolder are gone");
        FolderSyncResponse onSecond = secondDevice.folderSync(secondDevice.folderSync("0").document().syncKey()
                .orElseThrow()).document();
        assertEquals(FolderSyncStatus.SUCCESS, onSecond.status());

        FolderCreateResponse made = c.folderCreate(k6, "0", "Replayed", FolderType.USER_CREATED_MAIL).document();
        FolderCreateResponse remade = c.folderCreate(k6, "0", "Replayed", FolderType.USER_CREATED_MAIL).document();
        assertEquals(made, remade, "a repeated FolderCreate answers with the folder made the first time");

        FolderSyncResponse restart = c.folderSync("0").document();
        Set<String> restartedIds = restart.changes().stream()
                .map(ch -> ((FolderSyncResponse.Add) ch).folder().serverId()).collect(Collectors.toSet());
        assertTrue(restartedIds.contains(inbox) && restartedIds.contains(made.serverId().orElseThrow()),
                "key 0 starts over with the same ServerIds");
        assertFalse(restartedIds.contains(p), "a deleted folder's id is not handed out again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.1", "14.1", "16.1"})
    void badHierarchyRequestsGetTheirProtocolStatus(String version) throws Exception {
        EasTestClient c = newClient(version);
        c.provision();
        FolderHierarchyCodec codec = new FolderHierarchyCodec(EasTestClient.PAGES);
        assertEquals(FolderSyncStatus.INVALID_SYNC_KEY, c.folderSync("{not-a-key}7").document().status());
        Reply<FolderSyncResponse> garbage = c.postRaw(Command.FOLDER_SYNC, new byte[] {3, 1, 106, 0, 0, 7, 0x45},
                codec::decodeFolderSyncResponse);
        assertEquals(FolderSyncStatus.BAD_REQUEST, garbage.document().status(), "truncated WBXML");
        Reply<FolderSyncResponse> empty = c.postRaw(Command.FOLDER_SYNC, new byte[0], codec::decodeFolderSyncResponse);
        assertEquals(FolderSyncStatus.BAD_REQUEST, empty.document().status(), "no body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.1", "14.1", "16.1"})
    void anEmptySyncKeyIsAKeyThatDoesNotMatchAndAMissingOneABadRequest(String version) throws Exception {
        EasTestClient c = newClient(version);
        c.provision();
        FolderHierarchyCodec codec = new FolderHierarchyCodec(EasTestClient.PAGES);
        FolderSyncResponse initial = c.folderSync("0").document();
        String inbox = initial.changes().stream().map(ch -> ((FolderSyncResponse.Add) ch).folder())
                .filter(f -> f.type() == FolderType.DEFAULT_INBOX).findFirst().orElseThrow().serverId();

        for (String fixture : List.of("foldersync-empty-synckey.xml", "foldersync-empty-synckey-pair.xml")) {
            assertEquals(FolderSyncStatus.INVALID_SYNC_KEY, c.postRaw(Command.FOLDER_SYNC, body(fixture, c, inbox),
                    codec::decodeFolderSyncResponse).document().status(), fixture);
        }
        assertEquals(FolderSyncStatus.BAD_REQUEST, c.postRaw(Command.FOLDER_SYNC,
                body("foldersync-no-synckey.xml", c, inbox), codec::decodeFolderSyncResponse).document().status());
        assertEquals(FolderCreateStatus.INVALID_SYNC_KEY, c.postRaw(Command.FOLDER_CREATE,
                body("foldercreate-empty-synckey.xml", c, inbox), codec::decodeFolderCreateResponse).document()
                .status());
        assertEquals(FolderCreateStatus.BAD_REQUEST, c.postRaw(Command.FOLDER_CREATE,
                body("foldercreate-no-synckey.xml", c, inbox), codec::decodeFolderCreateResponse).document()
                .status());
        assertEquals(FolderUpdateStatus.INVALID_SYNC_KEY, c.postRaw(Command.FOLDER_UPDATE,
                body("folderupdate-empty-synckey.xml", c, inbox), codec::decodeFolderUpdateResponse).document()
                .status());
        assertEquals(FolderDeleteStatus.INVALID_SYNC_KEY, c.postRaw(Command.FOLDER_DELETE,
                body("folderdelete-empty-synckey.xml", c, inbox), codec::decodeFolderDeleteResponse).document()
                .status());
        assertEquals(FolderSyncStatus.SUCCESS, c.folderSync(initial.syncKey().orElseThrow()).document().status(),
                "the device's key still works");
    }

    /** A request body from this class's resources, SERVERID replaced, as WBXML of the client's version. */
    private static byte[] body(String fixture, EasTestClient c, String serverId) throws IOException {
        try (var in = EasGatewayEndToEndTest.class.getResourceAsStream(fixture)) {
            String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("SERVERID", serverId);
            return new WbxmlXml(EasTestClient.PAGES).toWbxml(xml, c.version());
        }
    }

    private static String userOf(EasTestClient c) {
        return c.user();
    }

    private static String deviceOf(EasTestClient c) {
        return c.deviceId();
    }
}
