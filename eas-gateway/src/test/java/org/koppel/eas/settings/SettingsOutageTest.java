package org.koppel.eas.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendSession;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.CommandParameters;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.Device;
import org.koppel.eas.provision.DeviceInformation;
import org.koppel.eas.state.DeviceStateException;
import org.koppel.eas.state.Devices;
import org.koppel.eas.state.SecretSeal;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * Settings when the store or device state cannot answer: each part says 4 (server unavailable), and when all
 * parts do, the command does too; an outage of one part leaves the others alone.
 */
class SettingsOutageTest {

    private static final CodePages PAGES = CodePages.load();

    @TempDir
    Path dir;

    private static <T> T failing(Class<T> type, RuntimeException failure) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getName().equals("close")) {
                return null;
            }
            throw failure;
        }));
    }

    private SettingsResponse send(SettingsRequest request, Devices devices, BackendSession session)
            throws IOException, DecodeException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        new SettingsCodec(PAGES).encodeRequest(new WbxmlWriter(body, PAGES, ProtocolVersion.V14_1), request);
        SettingsHandler handler = new SettingsHandler(devices, SecretSeal.fromKeyFile(dir.resolve("k")), PAGES);
        CommandResponse r = handler.handle(new CommandRequest<>(Command.SETTINGS, "carol", session,
                new Device("D1", "TestPhone"), ProtocolVersion.V14_1, OptionalLong.empty(), OptionalInt.empty(),
                CommandParameters.NONE, Optional.empty(), Optional.empty(), -1,
                new ByteArrayInputStream(body.toByteArray()), "127.0.0.1")).toCompletableFuture().join();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((CommandResponse.Wbxml) r).body().writeTo(out);
        return new SettingsCodec(PAGES).decodeResponse(new WbxmlReader(new ByteArrayInputStream(out.toByteArray()),
                PAGES), ProtocolVersion.V14_1);
    }

    @Test
    void everyPartUnavailableIsTheCommandUnavailable() throws Exception {
        Devices down = failing(Devices.class, new DeviceStateException.StorageFailure("database gone", null));
        BackendSession gone = failing(BackendSession.class, new BackendException.Unavailable("store gone", null));
        SettingsResponse r = send(SettingsRequest.none().withDevicePassword("pw").withDeviceInformation(
                DeviceInformation.none()).withUserInformation().withOof(new SettingsRequest.OofGet("Text")), down, gone);
        assertEquals(SettingsStatus.SERVER_UNAVAILABLE, r.status());
        assertEquals(Optional.of(SettingsStatus.SERVER_UNAVAILABLE), r.devicePassword());
        assertEquals(Optional.of(SettingsStatus.SERVER_UNAVAILABLE), r.deviceInformation());
        assertEquals(SettingsStatus.SERVER_UNAVAILABLE, r.userInformation().orElseThrow().status());
        assertEquals(SettingsStatus.SERVER_UNAVAILABLE, r.oof().orElseThrow().status());
    }

    @Test
    void anAccessDeniedPartLeavesTheOthers() throws Exception {
        Devices down = failing(Devices.class, new DeviceStateException.StorageFailure("database gone", null));
        BackendSession denied = failing(BackendSession.class, new BackendException.AccessDenied("no", null));
        SettingsResponse r = send(SettingsRequest.none().withDevicePassword("pw").withUserInformation(), down, denied);
        assertEquals(SettingsStatus.SUCCESS, r.status());
        assertEquals(Optional.of(SettingsStatus.SERVER_UNAVAILABLE), r.devicePassword());
        assertEquals(SettingsStatus.ACCESS_DENIED, r.userInformation().orElseThrow().status());
    }
}
