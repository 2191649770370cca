package org.koppel.eas.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * The commands of MS-ASCMD that come through {@code /Microsoft-Server-ActiveSync} (Autodiscover has its own
 * endpoint): the name in the {@code Cmd} parameter, the code of the base64 query form (MS-ASHTTP
 * 2.2.1.1.1.1.2), the protocol versions the command exists in, and the code page and root element of its
 * WBXML response, so that a status can be answered for a command whose codec is not written yet.
 */
public enum Command {
    SYNC("Sync", 0, "AirSync", "Sync"),
    SEND_MAIL("SendMail", 1, "ComposeMail", "SendMail"),
    SMART_FORWARD("SmartForward", 2, "ComposeMail", "SmartForward"),
    SMART_REPLY("SmartReply", 3, "ComposeMail", "SmartReply"),
    /** Answers with the attachment itself, never WBXML; gone in 16.0. */
    GET_ATTACHMENT("GetAttachment", 4, null, null, ProtocolVersion.V12_0, ProtocolVersion.V14_1),
    FOLDER_SYNC("FolderSync", 9, "FolderHierarchy", "FolderSync"),
    FOLDER_CREATE("FolderCreate", 10, "FolderHierarchy", "FolderCreate"),
    FOLDER_DELETE("FolderDelete", 11, "FolderHierarchy", "FolderDelete"),
    FOLDER_UPDATE("FolderUpdate", 12, "FolderHierarchy", "FolderUpdate"),
    MOVE_ITEMS("MoveItems", 13, "Move", "MoveItems"),
    GET_ITEM_ESTIMATE("GetItemEstimate", 14, "GetItemEstimate", "GetItemEstimate"),
    MEETING_RESPONSE("MeetingResponse", 15, "MeetingResponse", "MeetingResponse"),
    SEARCH("Search", 16, "Search", "Search"),
    SETTINGS("Settings", 17, "Settings", "Settings"),
    PING("Ping", 18, "Ping", "Ping"),
    ITEM_OPERATIONS("ItemOperations", 19, "ItemOperations", "ItemOperations"),
    PROVISION("Provision", 20, "Provision", "Provision"),
    RESOLVE_RECIPIENTS("ResolveRecipients", 21, "ResolveRecipients", "ResolveRecipients"),
    VALIDATE_CERT("ValidateCert", 22, "ValidateCert", "ValidateCert"),
    /** New in 16.1; MS-ASHTTP gives it no code in the base64 form, so it only comes in the plain form. */
    FIND("Find", -1, "Find", "Find", ProtocolVersion.V16_1, ProtocolVersion.V16_1);

    private static final Map<String, Command> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(c -> c.wireName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String wireName;
    private final int code;
    private final String pageName;
    private final String rootTag;
    private final ProtocolVersion first;
    private final ProtocolVersion last;

    Command(String wireName, int code, String pageName, String rootTag) {
        this(wireName, code, pageName, rootTag, ProtocolVersion.V12_0, ProtocolVersion.V16_1);
    }

    Command(String wireName, int code, String pageName, String rootTag, ProtocolVersion first,
            ProtocolVersion last) {
        this.wireName = wireName;
        this.code = code;
        this.pageName = pageName;
        this.rootTag = rootTag;
        this.first = first;
        this.last = last;
    }

    /** The name as in {@code Cmd=} and in MS-ASProtocolCommands. */
    public String wireName() {
        return wireName;
    }

    /** The command named by a {@code Cmd} value; ActiveSync clients agree on the case, but nothing needs to. */
    public static Optional<Command> fromName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The command of a base64 query's command code. */
    public static Optional<Command> fromCode(int code) {
        for (Command c : values()) {
            if (c.code == code && code >= 0) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Whether the command exists in a protocol version. */
    public boolean existsIn(ProtocolVersion version) {
        return version.compareTo(first) >= 0 && version.compareTo(last) <= 0;
    }

    /**
     * Whether a device must hold a current policy key to send it. Only Provision is exempt: it is how a
     * device gets its key (MS-ASPROV 3.1.5.1); everything else, Ping included, waits for provisioning.
     */
    public boolean requiresProvisioning() {
        return this != PROVISION;
    }

    /** The code page of the response's root element; empty for GetAttachment, which answers raw bytes. */
    public Optional<String> responsePage() {
        return Optional.ofNullable(pageName);
    }

    /** The response's root element on {@link #responsePage()}. */
    public Optional<String> responseRoot() {
        return Optional.ofNullable(rootTag);
    }

    /** Every command, comma-separated, for the MS-ASProtocolCommands header. */
    public static String protocolCommandsHeader() {
        return Arrays.stream(values()).map(Command::wireName).collect(Collectors.joining(","));
    }

    /** All commands, in MS-ASHTTP order. */
    public static List<Command> all() {
        return List.of(values());
    }
}
