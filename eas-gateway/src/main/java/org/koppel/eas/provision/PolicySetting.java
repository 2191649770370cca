package org.koppel.eas.provision;

import java.util.Optional;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * The settings of an EASProvisionDoc ([MS-ASPROV] 2.2.2), in the order the schema writes them,
 * each with its element name, what kind of value it holds and the first protocol version that
 * has it. {@link PolicySettings} keeps values in this order.
 */
public enum PolicySetting {
    DEVICE_PASSWORD_ENABLED("DevicePasswordEnabled", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_0),
    ALPHANUMERIC_DEVICE_PASSWORD_REQUIRED("AlphanumericDevicePasswordRequired", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_0),
    PASSWORD_RECOVERY_ENABLED("PasswordRecoveryEnabled", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_0),
    REQUIRE_STORAGE_CARD_ENCRYPTION("RequireStorageCardEncryption", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_0),
    ATTACHMENTS_ENABLED("AttachmentsEnabled", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_0),
    /** Characters; empty means no minimum. */
    MIN_DEVICE_PASSWORD_LENGTH("MinDevicePasswordLength", Kind.NUMBER, 1, 16, true, ProtocolVersion.V12_0),
    /** Seconds of inactivity before the device locks; empty means never (9999 too). */
    MAX_INACTIVITY_TIME_DEVICE_LOCK("MaxInactivityTimeDeviceLock", Kind.NUMBER, 0, 9999, true, ProtocolVersion.V12_0),
    /** Failed unlocks before the device wipes itself; empty means no limit. */
    MAX_DEVICE_PASSWORD_FAILED_ATTEMPTS("MaxDevicePasswordFailedAttempts", Kind.NUMBER, 4, 16, true, ProtocolVersion.V12_0),
    /** Bytes; empty means no limit. */
    MAX_ATTACHMENT_SIZE("MaxAttachmentSize", Kind.NUMBER, 0, 0xFFFF_FFFFL, true, ProtocolVersion.V12_0),
    ALLOW_SIMPLE_DEVICE_PASSWORD("AllowSimpleDevicePassword", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_0),
    /** Days; empty or 0 means passwords never expire. */
    DEVICE_PASSWORD_EXPIRATION("DevicePasswordExpiration", Kind.NUMBER, 0, 0xFFFF_FFFFL, true, ProtocolVersion.V12_0),
    DEVICE_PASSWORD_HISTORY("DevicePasswordHistory", Kind.NUMBER, 0, 0xFFFF_FFFFL, false, ProtocolVersion.V12_0),
    ALLOW_STORAGE_CARD("AllowStorageCard", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    ALLOW_CAMERA("AllowCamera", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    REQUIRE_DEVICE_ENCRYPTION("RequireDeviceEncryption", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    ALLOW_UNSIGNED_APPLICATIONS("AllowUnsignedApplications", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    ALLOW_UNSIGNED_INSTALLATION_PACKAGES("AllowUnsignedInstallationPackages", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    /** Character groups (upper, lower, digits, symbols) a password must mix. */
    MIN_DEVICE_PASSWORD_COMPLEX_CHARACTERS("MinDevicePasswordComplexCharacters", Kind.NUMBER, 1, 4, false, ProtocolVersion.V12_1),
    ALLOW_WIFI("AllowWiFi", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    ALLOW_TEXT_MESSAGING("AllowTextMessaging", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    ALLOW_POP_IMAP_EMAIL("AllowPOPIMAPEmail", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    /** 0 disabled, 1 hands-free only, 2 allowed. */
    ALLOW_BLUETOOTH("AllowBluetooth", Kind.NUMBER, 0, 2, false, ProtocolVersion.V12_1),
    ALLOW_IRDA("AllowIrDA", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    REQUIRE_MANUAL_SYNC_WHEN_ROAMING("RequireManualSyncWhenRoaming", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    ALLOW_DESKTOP_SYNC("AllowDesktopSync", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    /** 0 all, 4 two weeks, 5 one month, 6 three months, 7 six months. */
    MAX_CALENDAR_AGE_FILTER("MaxCalendarAgeFilter", Kind.NUMBER, 0, 7, false, ProtocolVersion.V12_1),
    ALLOW_HTML_EMAIL("AllowHTMLEmail", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    /** 0 all, 1 one day, 2 three days, 3 one week, 4 two weeks, 5 one month. */
    MAX_EMAIL_AGE_FILTER("MaxEmailAgeFilter", Kind.NUMBER, 0, 5, false, ProtocolVersion.V12_1),
    /** Kilobytes of plain-text body; -1 no truncation, 0 headers only. */
    MAX_EMAIL_BODY_TRUNCATION_SIZE("MaxEmailBodyTruncationSize", Kind.NUMBER, -1, Integer.MAX_VALUE, false, ProtocolVersion.V12_1),
    /** Kilobytes of HTML body; -1 no truncation, 0 headers only. */
    MAX_EMAIL_HTML_BODY_TRUNCATION_SIZE("MaxEmailHTMLBodyTruncationSize", Kind.NUMBER, -1, Integer.MAX_VALUE, false, ProtocolVersion.V12_1),
    REQUIRE_SIGNED_SMIME_MESSAGES("RequireSignedSMIMEMessages", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    REQUIRE_ENCRYPTED_SMIME_MESSAGES("RequireEncryptedSMIMEMessages", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    /** 0 SHA1, 1 MD5. */
    REQUIRE_SIGNED_SMIME_ALGORITHM("RequireSignedSMIMEAlgorithm", Kind.NUMBER, 0, 1, false, ProtocolVersion.V12_1),
    /** 0 TripleDES, 1 DES, 2 RC2 128, 3 RC2 64, 4 RC2 40. */
    REQUIRE_ENCRYPTION_SMIME_ALGORITHM("RequireEncryptionSMIMEAlgorithm", Kind.NUMBER, 0, 4, false, ProtocolVersion.V12_1),
    /** 0 no negotiation, 1 strong algorithms only, 2 any. */
    ALLOW_SMIME_ENCRYPTION_ALGORITHM_NEGOTIATION("AllowSMIMEEncryptionAlgorithmNegotiation", Kind.NUMBER, 0, 2, false, ProtocolVersion.V12_1),
    ALLOW_SMIME_SOFT_CERTS("AllowSMIMESoftCerts", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    ALLOW_BROWSER("AllowBrowser", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    ALLOW_CONSUMER_EMAIL("AllowConsumerEmail", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    ALLOW_REMOTE_DESKTOP("AllowRemoteDesktop", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    ALLOW_INTERNET_SHARING("AllowInternetSharing", Kind.FLAG, 0, 1, false, ProtocolVersion.V12_1),
    /** In-ROM applications that must not run, by ApplicationName. */
    UNAPPROVED_IN_ROM_APPLICATION_LIST("UnapprovedInROMApplicationList", Kind.APPLICATION_NAMES, 0, 0, false, ProtocolVersion.V12_1),
    /** Applications that may run, by Hash (SHA-1 of the file, base64). */
    APPROVED_APPLICATION_LIST("ApprovedApplicationList", Kind.APPLICATION_HASHES, 0, 0, false, ProtocolVersion.V12_1);

    /** What a setting's element holds. */
    public enum Kind {
        /** 0 or 1. */
        FLAG,
        /** An integer in [min, max], or empty where that means "no limit". */
        NUMBER,
        /** ApplicationName children. */
        APPLICATION_NAMES,
        /** Hash children. */
        APPLICATION_HASHES
    }

    private final String element;
    private final Kind kind;
    private final long min;
    private final long max;
    private final boolean emptyAllowed;
    private final ProtocolVersion since;

    PolicySetting(String element, Kind kind, long min, long max, boolean emptyAllowed, ProtocolVersion since) {
        this.element = element;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.emptyAllowed = emptyAllowed;
        this.since = since;
    }

    /** The element name in the Provision code page, also the key in policies.ini. */
    public String element() {
        return element;
    }

    public Kind kind() {
        return kind;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** For NUMBER settings: an empty element is allowed and means "no limit". */
    public boolean emptyAllowed() {
        return emptyAllowed;
    }

    /** The first protocol version that has this setting. */
    public ProtocolVersion since() {
        return since;
    }

    /** Whether {@code n} is a value of this NUMBER setting. */
    public boolean accepts(long n) {
        if (n < min || n > max) {
            return false;
        }
        // The calendar filter skips the e-mail-only values 1-3 (one day to one week).
        return this != MAX_CALENDAR_AGE_FILTER || n == 0 || n >= 4;
    }

    public static Optional<PolicySetting> byElement(String element) {
        for (PolicySetting s : values()) {
            if (s.element.equals(element)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
