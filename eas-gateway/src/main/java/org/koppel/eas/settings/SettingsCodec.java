package org.koppel.eas.settings;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.provision.DeviceInformation;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * Reads and writes Settings requests and responses (MS-ASCMD 2.2.1.18), both directions. Structure is checked
 * here (a misplaced or unknown element is a {@link DecodeException}, the command's protocol error); the values of
 * an Oof Set are handed on as sent, for the handler to judge per part.
 */
public final class SettingsCodec {

    /** MS-ASDTYPE dateTime as Settings writes it. */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_VALUE = 64;
    private static final int MAX_DEVICE_FIELD = 1024;
    /** An out-of-office text; Exchange allows far less, this only bounds memory. */
    static final int MAX_REPLY = 64 * 1024;
    /** MS-ASCMD 2.2.3.139: the recovery password is at most 255 characters. */
    static final int MAX_PASSWORD = 255;
    private static final String[] DEVICE_FIELDS = {"Model", "IMEI", "FriendlyName", "OS", "OSLanguage",
        "PhoneNumber", "UserAgent", "MobileOperator"};

    private final CodePages pages;

    public SettingsCodec(CodePages pages) {
        this.pages = pages;
    }

    // --- request ---------------------------------------------------------------------------------------------

    public SettingsRequest decodeRequest(WbxmlReader reader, ProtocolVersion version) throws DecodeException,
            IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("Settings:Settings");
        SettingsRequest request = SettingsRequest.none();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Settings:Oof" -> request = request.withOof(oof(in));
                case "Settings:DevicePassword" -> request = request.withDevicePassword(devicePassword(in));
                case "Settings:DeviceInformation" -> request = request.withDeviceInformation(deviceInformation(in));
                case "Settings:UserInformation" -> {
                    emptyGet(in);
                    request = request.withUserInformation();
                }
                case "Settings:RightsManagementInformation" -> {
                    emptyGet(in);
                    request = request.withRightsManagement();
                }
                default -> throw in.unexpected();
            }
        }
        in.endDocument();
        if (request.equals(SettingsRequest.none())) {
            throw in.invalid("a Settings request asks for nothing");
        }
        return request;
    }

    private static void emptyGet(ElementReader in) throws DecodeException, IOException {
        String container = in.name();
        boolean get = false;
        while (in.nextChild()) {
            if (!in.name().equals("Settings:Get") || get) {
                throw in.unexpected();
            }
            in.empty();
            get = true;
        }
        if (!get) {
            throw in.missing("Settings:Get", container);
        }
    }

    private SettingsRequest.Oof oof(ElementReader in) throws DecodeException, IOException {
        SettingsRequest.Oof oof = null;
        while (in.nextChild()) {
            if (oof != null) {
                throw in.unexpected();
            }
            switch (in.name()) {
                case "Settings:Get" -> {
                    Map<String, String> leaves = in.leaves(MAX_VALUE, "Settings:BodyType");
                    oof = new SettingsRequest.OofGet(in.required(leaves, "Settings:BodyType", "Settings:Get"));
                }
                case "Settings:Set" -> oof = oofSet(in);
                default -> throw in.unexpected();
            }
        }
        if (oof == null) {
            throw in.missing("Settings:Get", "Settings:Oof");
        }
        return oof;
    }

    private SettingsRequest.OofSet oofSet(ElementReader in) throws DecodeException, IOException {
        Map<String, String> values = new HashMap<>();
        List<SettingsRequest.OofMessageSet> messages = new ArrayList<>();
        Set<OofAudience> audiences = new HashSet<>();
        while (in.nextChild()) {
            switch (in.name()) {
                case "Settings:OofState", "Settings:StartTime", "Settings:EndTime" -> {
                    String name = in.name();
                    if (values.put(name, in.text(MAX_VALUE)) != null) {
                        throw in.invalid(name + " appears twice");
                    }
                }
                case "Settings:OofMessage" -> {
                    SettingsRequest.OofMessageSet m = oofMessage(in);
                    if (!audiences.add(m.audience())) {
                        throw in.invalid("two OofMessages for " + m.audience());
                    }
                    messages.add(m);
                }
                default -> throw in.unexpected();
            }
        }
        return new SettingsRequest.OofSet(Optional.ofNullable(values.get("Settings:OofState")),
                Optional.ofNullable(values.get("Settings:StartTime")),
                Optional.ofNullable(values.get("Settings:EndTime")), messages);
    }

    private static SettingsRequest.OofMessageSet oofMessage(ElementReader in) throws DecodeException, IOException {
        OofAudience audience = null;
        Map<String, String> values = new HashMap<>();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            String name = in.name();
            switch (name) {
                case "Settings:AppliesToInternal", "Settings:AppliesToExternalKnown",
                        "Settings:AppliesToExternalUnknown" -> {
                    if (audience != null) {
                        throw in.invalid("an OofMessage applies to one audience");
                    }
                    in.empty();
                    audience = audience(name);
                }
                case "Settings:Enabled", "Settings:BodyType" -> values.put(name, in.text(MAX_VALUE));
                case "Settings:ReplyMessage" -> values.put(name, in.text(MAX_REPLY));
                default -> throw in.unexpected();
            }
        }
        if (audience == null) {
            throw in.missing("Settings:AppliesToInternal", "Settings:OofMessage");
        }
        return new SettingsRequest.OofMessageSet(audience, Optional.ofNullable(values.get("Settings:Enabled")),
                Optional.ofNullable(values.get("Settings:ReplyMessage")),
                Optional.ofNullable(values.get("Settings:BodyType")));
    }

    private static OofAudience audience(String element) {
        for (OofAudience a : OofAudience.values()) {
            if (a.element().equals(element)) {
                return a;
            }
        }
        throw new IllegalArgumentException(element);
    }

    private static String devicePassword(ElementReader in) throws DecodeException, IOException {
        String password = null;
        while (in.nextChild()) {
            if (!in.name().equals("Settings:Set") || password != null) {
                throw in.unexpected();
            }
            // Read a little past the limit: a password that is too long or empty is the part's status 5, not a
            // protocol error.
            Map<String, String> leaves = in.leaves(16 * MAX_PASSWORD, "Settings:Password");
            password = leaves.get("Settings:Password");
            if (password == null) {
                throw in.missing("Settings:Password", "Settings:Set");
            }
        }
        if (password == null) {
            throw in.missing("Settings:Set", "Settings:DevicePassword");
        }
        return password;
    }

    private static DeviceInformation deviceInformation(ElementReader in) throws DecodeException, IOException {
        DeviceInformation info = null;
        while (in.nextChild()) {
            if (!in.name().equals("Settings:Set") || info != null) {
                throw in.unexpected();
            }
            Map<String, String> fields = new HashMap<>();
            Optional<Boolean> sms = Optional.empty();
            Set<String> seen = new HashSet<>();
            while (in.nextChild()) {
                in.once(seen);
                String name = in.name();
                if (name.equals("Settings:EnableOutboundSMS")) {
                    sms = Optional.of(in.bool());
                } else if (List.of(DEVICE_FIELDS).contains(name.substring("Settings:".length()))) {
                    fields.put(name, in.text(MAX_DEVICE_FIELD));
                } else {
                    throw in.unexpected();
                }
            }
            info = new DeviceInformation(field(fields, "Model"), field(fields, "IMEI"), field(fields, "FriendlyName"),
                    field(fields, "OS"), field(fields, "OSLanguage"), field(fields, "PhoneNumber"),
                    field(fields, "UserAgent"), sms, field(fields, "MobileOperator"));
        }
        if (info == null) {
            throw in.missing("Settings:Set", "Settings:DeviceInformation");
        }
        return info;
    }

    private static Optional<String> field(Map<String, String> fields, String name) {
        return Optional.ofNullable(fields.get("Settings:" + name));
    }

    public void encodeRequest(WbxmlWriter writer, SettingsRequest request) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("Settings:Settings");
        if (request.oof().isPresent()) {
            out.start("Settings:Oof");
            switch (request.oof().get()) {
                case SettingsRequest.OofGet g -> out.start("Settings:Get").element("Settings:BodyType", g.bodyType())
                        .end();
                case SettingsRequest.OofSet s -> {
                    out.start("Settings:Set").optional("Settings:OofState", s.state())
                            .optional("Settings:StartTime", s.startTime()).optional("Settings:EndTime", s.endTime());
                    for (SettingsRequest.OofMessageSet m : s.messages()) {
                        out.start("Settings:OofMessage").empty(m.audience().element())
                                .optional("Settings:Enabled", m.enabled())
                                .optional("Settings:ReplyMessage", m.replyMessage())
                                .optional("Settings:BodyType", m.bodyType()).end();
                    }
                    out.end();
                }
            }
            out.end();
        }
        if (request.devicePassword().isPresent()) {
            out.start("Settings:DevicePassword").start("Settings:Set")
                    .element("Settings:Password", request.devicePassword().get()).end().end();
        }
        if (request.deviceInformation().isPresent()) {
            DeviceInformation d = request.deviceInformation().get();
            out.start("Settings:DeviceInformation").start("Settings:Set")
                    .optional("Settings:Model", d.model())
                    .optional("Settings:IMEI", d.imei())
                    .optional("Settings:FriendlyName", d.friendlyName())
                    .optional("Settings:OS", d.os())
                    .optional("Settings:OSLanguage", d.osLanguage())
                    .optional("Settings:PhoneNumber", d.phoneNumber());
            if (out.atLeast(ProtocolVersion.V12_1)) {
                out.optional("Settings:UserAgent", d.userAgent());
            }
            if (out.atLeast(ProtocolVersion.V14_0)) {
                out.optional("Settings:EnableOutboundSMS", d.enableOutboundSms())
                        .optional("Settings:MobileOperator", d.mobileOperator());
            }
            out.end().end();
        }
        if (request.userInformation()) {
            out.start("Settings:UserInformation").empty("Settings:Get").end();
        }
        if (request.rightsManagement()) {
            out.start("Settings:RightsManagementInformation").empty("Settings:Get").end();
        }
        out.end().finish();
    }

    // --- response --------------------------------------------------------------------------------------------

    public void encodeResponse(WbxmlWriter writer, SettingsResponse response) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("Settings:Settings").status("Settings:Status", response.status());
        if (response.oof().isPresent()) {
            SettingsResponse.OofResult oof = response.oof().get();
            out.start("Settings:Oof").status("Settings:Status", oof.status());
            if (oof.get().isPresent()) {
                SettingsResponse.OofSettings g = oof.get().get();
                out.start("Settings:Get").element("Settings:OofState", g.state())
                        .optional("Settings:StartTime", g.startTime().map(DATE_TIME::format))
                        .optional("Settings:EndTime", g.endTime().map(DATE_TIME::format));
                for (SettingsResponse.OofMessage m : g.messages()) {
                    out.start("Settings:OofMessage").empty(m.audience().element())
                            .element("Settings:Enabled", m.enabled())
                            .element("Settings:ReplyMessage", m.replyMessage())
                            .element("Settings:BodyType", m.bodyType()).end();
                }
                out.end();
            }
            out.end();
        }
        if (response.devicePassword().isPresent()) {
            out.start("Settings:DevicePassword").status("Settings:Status", response.devicePassword().get()).end();
        }
        if (response.deviceInformation().isPresent()) {
            out.start("Settings:DeviceInformation").status("Settings:Status", response.deviceInformation().get())
                    .end();
        }
        if (response.userInformation().isPresent()) {
            SettingsResponse.UserInformationResult u = response.userInformation().get();
            out.start("Settings:UserInformation").status("Settings:Status", u.status());
            if (u.user().isPresent()) {
                writeUser(out, u.user().get());
            }
            out.end();
        }
        if (response.rightsManagement().isPresent()) {
            out.start("Settings:RightsManagementInformation")
                    .status("Settings:Status", response.rightsManagement().get());
            if (response.rightsManagement().get() == SettingsStatus.SUCCESS) {
                // No templates: Koppel does not protect mail with rights management (IRM).
                out.start("Settings:Get").empty("RightsManagement:RightsManagementTemplates").end();
            }
            out.end();
        }
        out.end().finish();
    }

    private static void writeUser(ElementWriter out, SettingsResponse.User user) throws IOException {
        out.start("Settings:Get");
        if (out.atLeast(ProtocolVersion.V14_1)) {
            out.start("Settings:Accounts").start("Settings:Account");
            if (!user.displayName().isEmpty()) {
                out.element("Settings:UserDisplayName", user.displayName());
            }
            out.start("Settings:EmailAddresses");
            for (String a : user.addresses()) {
                out.element("Settings:SMTPAddress", a);
            }
            out.element("Settings:PrimarySmtpAddress", user.primaryAddress()).end();
            out.end().end();
        } else {
            out.start("Settings:EmailAddresses");
            for (String a : user.addresses()) {
                out.element("Settings:SMTPAddress", a);
            }
            out.end();
        }
        out.end();
    }

    public SettingsResponse decodeResponse(WbxmlReader reader, ProtocolVersion version) throws DecodeException,
            IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("Settings:Settings");
        SettingsStatus status = null;
        Optional<SettingsResponse.OofResult> oof = Optional.empty();
        Optional<SettingsStatus> password = Optional.empty();
        Optional<SettingsStatus> device = Optional.empty();
        Optional<SettingsResponse.UserInformationResult> user = Optional.empty();
        Optional<SettingsStatus> rights = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Settings:Status" -> status = in.status(SettingsStatus.class);
                case "Settings:Oof" -> oof = Optional.of(oofResult(in));
                case "Settings:DevicePassword" -> password = Optional.of(statusOnly(in));
                case "Settings:DeviceInformation" -> device = Optional.of(statusOnly(in));
                case "Settings:UserInformation" -> user = Optional.of(userResult(in));
                case "Settings:RightsManagementInformation" -> rights = Optional.of(rightsResult(in));
                default -> throw in.unexpected();
            }
        }
        in.endDocument();
        if (status == null) {
            throw in.missing("Settings:Status", "Settings:Settings");
        }
        return new SettingsResponse(status, oof, password, device, user, rights);
    }

    private static SettingsStatus statusOnly(ElementReader in) throws DecodeException, IOException {
        String container = in.name();
        SettingsStatus status = null;
        while (in.nextChild()) {
            if (!in.name().equals("Settings:Status") || status != null) {
                throw in.unexpected();
            }
            status = in.status(SettingsStatus.class);
        }
        if (status == null) {
            throw in.missing("Settings:Status", container);
        }
        return status;
    }

    private static SettingsResponse.OofResult oofResult(ElementReader in) throws DecodeException, IOException {
        SettingsStatus status = null;
        Optional<SettingsResponse.OofSettings> get = Optional.empty();
        while (in.nextChild()) {
            switch (in.name()) {
                case "Settings:Status" -> status = in.status(SettingsStatus.class);
                case "Settings:Get" -> get = Optional.of(oofSettings(in));
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing("Settings:Status", "Settings:Oof");
        }
        return new SettingsResponse.OofResult(status, get);
    }

    private static SettingsResponse.OofSettings oofSettings(ElementReader in) throws DecodeException, IOException {
        int state = -1;
        Optional<Instant> start = Optional.empty();
        Optional<Instant> end = Optional.empty();
        List<SettingsResponse.OofMessage> messages = new ArrayList<>();
        while (in.nextChild()) {
            switch (in.name()) {
                case "Settings:OofState" -> state = in.integer(0, 2);
                case "Settings:StartTime" -> start = Optional.of(instant(in));
                case "Settings:EndTime" -> end = Optional.of(instant(in));
                case "Settings:OofMessage" -> {
                    SettingsRequest.OofMessageSet m = oofMessage(in);
                    messages.add(new SettingsResponse.OofMessage(m.audience(), m.enabled().orElse("0").equals("1"),
                            m.replyMessage().orElse(""), m.bodyType().orElse("")));
                }
                default -> throw in.unexpected();
            }
        }
        if (state < 0) {
            throw in.missing("Settings:OofState", "Settings:Get");
        }
        return new SettingsResponse.OofSettings(state, start, end, messages);
    }

    private static Instant instant(ElementReader in) throws DecodeException, IOException {
        String s = in.text(MAX_VALUE);
        return OofValues.dateTime(s).orElseThrow(() -> in.invalid("not a dateTime: " + s));
    }

    private static SettingsResponse.UserInformationResult userResult(ElementReader in) throws DecodeException,
            IOException {
        SettingsStatus status = null;
        Optional<SettingsResponse.User> user = Optional.empty();
        while (in.nextChild()) {
            switch (in.name()) {
                case "Settings:Status" -> status = in.status(SettingsStatus.class);
                case "Settings:Get" -> user = Optional.of(user(in));
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing("Settings:Status", "Settings:UserInformation");
        }
        return new SettingsResponse.UserInformationResult(status, user);
    }

    private static SettingsResponse.User user(ElementReader in) throws DecodeException, IOException {
        String name = "";
        String primary = "";
        List<String> addresses = new ArrayList<>();
        while (in.nextChild()) {
            switch (in.name()) {
                case "Settings:EmailAddresses" -> primary = addresses(in, addresses);
                case "Settings:Accounts" -> {
                    while (in.nextChild()) {
                        if (!in.name().equals("Settings:Account")) {
                            throw in.unexpected();
                        }
                        while (in.nextChild()) {
                            switch (in.name()) {
                                case "Settings:UserDisplayName" -> name = in.text(1024);
                                case "Settings:AccountId", "Settings:AccountName", "Settings:SendDisabled" ->
                                        in.text(1024);
                                case "Settings:EmailAddresses" -> primary = addresses(in, addresses);
                                default -> throw in.unexpected();
                            }
                        }
                    }
                }
                default -> throw in.unexpected();
            }
        }
        return new SettingsResponse.User(name, primary, addresses);
    }

    /** Reads EmailAddresses into {@code addresses}; returns the PrimarySmtpAddress, "" without one. */
    private static String addresses(ElementReader in, List<String> addresses) throws DecodeException, IOException {
        String primary = "";
        while (in.nextChild()) {
            switch (in.name()) {
                case "Settings:SMTPAddress" -> addresses.add(in.text(1024));
                case "Settings:PrimarySmtpAddress" -> primary = in.text(1024);
                default -> throw in.unexpected();
            }
        }
        return primary;
    }

    private static SettingsStatus rightsResult(ElementReader in) throws DecodeException, IOException {
        SettingsStatus status = null;
        while (in.nextChild()) {
            switch (in.name()) {
                case "Settings:Status" -> status = in.status(SettingsStatus.class);
                case "Settings:Get" -> {
                    while (in.nextChild()) {
                        if (!in.name().equals("RightsManagement:RightsManagementTemplates")) {
                            throw in.unexpected();
                        }
                        if (in.nextChild()) {
                            throw in.invalid("templates where none are offered");
                        }
                    }
                }
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing("Settings:Status", "Settings:RightsManagementInformation");
        }
        return status;
    }
}
