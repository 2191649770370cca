package org.koppel.eas.settings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Settings response: the command's status and, for each part the request had, the part's status and what it
 * got. A part's answer in the order MS-ASCMD lists them.
 */
public record SettingsResponse(SettingsStatus status, Optional<OofResult> oof,
        Optional<SettingsStatus> devicePassword, Optional<SettingsStatus> deviceInformation,
        Optional<UserInformationResult> userInformation, Optional<SettingsStatus> rightsManagement) {

    public SettingsResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(oof, "oof");
        Objects.requireNonNull(devicePassword, "devicePassword");
        Objects.requireNonNull(deviceInformation, "deviceInformation");
        Objects.requireNonNull(userInformation, "userInformation");
        Objects.requireNonNull(rightsManagement, "rightsManagement");
    }

    /** Only the command's status: a protocol error or an outage before any part ran. */
    public static SettingsResponse only(SettingsStatus status) {
        return new SettingsResponse(status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Oof's status and, for a Get that went well, the settings. */
    public record OofResult(SettingsStatus status, Optional<OofSettings> get) {
    }

    /** The Oof Get answer: OofState 0, 1 or 2, the window, one message per audience. */
    public record OofSettings(int state, Optional<Instant> startTime, Optional<Instant> endTime,
            List<OofMessage> messages) {
        public OofSettings {
            messages = List.copyOf(messages);
        }
    }

    /** One OofMessage of a Get answer; {@code bodyType} "Text" or "HTML". */
    public record OofMessage(OofAudience audience, boolean enabled, String replyMessage, String bodyType) {
    }

    /** UserInformation's status and, when it went well, the user's addresses and name. */
    public record UserInformationResult(SettingsStatus status, Optional<User> user) {
    }

    /**
     * What UserInformation tells: before 14.1 the addresses (SMTPAddress), from 14.1 the Accounts form with the
     * display name and the primary address.
     */
    public record User(String displayName, String primaryAddress, List<String> addresses) {
        public User {
            addresses = List.copyOf(addresses);
        }
    }
}
