package org.koppel.eas.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.koppel.eas.provision.DeviceInformation;

/**
 * A Settings request (MS-ASCMD 2.2.1.18): each part at most once. Values the handler judges (dates, OofState,
 * Enabled, BodyType) are kept as sent, so a bad one costs its part a status instead of the whole request.
 */
public record SettingsRequest(Optional<Oof> oof, Optional<String> devicePassword,
        Optional<DeviceInformation> deviceInformation, boolean userInformation, boolean rightsManagement) {

    public SettingsRequest {
        Objects.requireNonNull(oof, "oof");
        Objects.requireNonNull(devicePassword, "devicePassword");
        Objects.requireNonNull(deviceInformation, "deviceInformation");
    }

    /** Oof Get or Set. */
    public sealed interface Oof permits OofGet, OofSet {
    }

    /** Oof Get, with the BodyType the device wants the texts in. */
    public record OofGet(String bodyType) implements Oof {
    }

    /** Oof Set as sent. */
    public record OofSet(Optional<String> state, Optional<String> startTime, Optional<String> endTime,
            List<OofMessageSet> messages) implements Oof {
        public OofSet {
            messages = List.copyOf(messages);
        }
    }

    /** One OofMessage of an Oof Set. */
    public record OofMessageSet(OofAudience audience, Optional<String> enabled, Optional<String> replyMessage,
            Optional<String> bodyType) {
    }

    public static SettingsRequest none() {
        return new SettingsRequest(Optional.empty(), Optional.empty(), Optional.empty(), false, false);
    }

    public SettingsRequest withOof(Oof o) {
        return new SettingsRequest(Optional.of(o), devicePassword, deviceInformation, userInformation, rightsManagement);
    }

    public SettingsRequest withDevicePassword(String password) {
        return new SettingsRequest(oof, Optional.of(password), deviceInformation, userInformation, rightsManagement);
    }

    public SettingsRequest withDeviceInformation(DeviceInformation info) {
        return new SettingsRequest(oof, devicePassword, Optional.of(info), userInformation, rightsManagement);
    }

    public SettingsRequest withUserInformation() {
        return new SettingsRequest(oof, devicePassword, deviceInformation, true, rightsManagement);
    }

    public SettingsRequest withRightsManagement() {
        return new SettingsRequest(oof, devicePassword, deviceInformation, userInformation, true);
    }
}
