package org.koppel.eas.provision;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * Reads and writes Provision requests and responses ([MS-ASPROV]), both directions. Settings a
 * client's protocol version does not know are left out of the EASProvisionDoc it gets.
 */
public final class ProvisionCodec {
    /** [MS-ASPROV] 2.2.2.42: a policy key is at most 64 characters. */
    static final int MAX_POLICY_KEY = 64;
    private static final int MAX_DEVICE_FIELD = 1024;

    private final CodePages pages;

    public ProvisionCodec(CodePages pages) {
        this.pages = pages;
    }

    // --- request -------------------------------------------------------------------------------

    public ProvisionRequest decodeRequest(WbxmlReader reader, ProtocolVersion version) throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("Provision:Provision");
        Optional<DeviceInformation> device = Optional.empty();
        Optional<ProvisionRequest.Policy> policy = Optional.empty();
        Optional<ProvisionRequest.WipeStatus> wipe = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Settings:DeviceInformation" -> {
                    in.requireVersion(ProtocolVersion.V14_1);
                    device = Optional.of(deviceInformation(in));
                }
                case "Provision:Policies" -> policy = Optional.of(singlePolicy(in, this::requestPolicy));
                case "Provision:RemoteWipe" -> {
                    ProvisionRequest.WipeStatus status = null;
                    while (in.nextChild()) {
                        if (!in.name().equals("Provision:Status") || status != null) {
                            throw in.unexpected();
                        }
                        status = in.status(ProvisionRequest.WipeStatus.class);
                    }
                    if (status == null) {
                        throw in.missing("Provision:Status", "Provision:RemoteWipe");
                    }
                    wipe = Optional.of(status);
                }
                default -> throw in.unexpected();
            }
        }
        in.endDocument();
        return new ProvisionRequest(device, policy, wipe);
    }

    private DeviceInformation deviceInformation(ElementReader in) throws DecodeException, IOException {
        DeviceInformation info = null;
        while (in.nextChild()) {
            if (!in.name().equals("Settings:Set") || info != null) {
                throw in.unexpected();
            }
            Map<String, String> fields = new java.util.HashMap<>();
            Optional<Boolean> sms = Optional.empty();
            Set<String> seen = new HashSet<>();
            while (in.nextChild()) {
                in.once(seen);
                switch (in.name()) {
                    case "Settings:Model", "Settings:IMEI", "Settings:FriendlyName", "Settings:OS", "Settings:OSLanguage",
                            "Settings:PhoneNumber", "Settings:UserAgent", "Settings:MobileOperator" -> {
                        String name = in.name();
                        fields.put(name, in.text(MAX_DEVICE_FIELD));
                    }
                    case "Settings:EnableOutboundSMS" -> sms = Optional.of(in.bool());
                    default -> throw in.unexpected();
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

    private interface PolicyReader<P> {
        P read(ElementReader in) throws DecodeException, IOException;
    }

    /** Policies holds exactly one Policy: a client asks for one policy type at a time. */
    private static <P> P singlePolicy(ElementReader in, PolicyReader<P> policyReader) throws DecodeException, IOException {
        P policy = null;
        while (in.nextChild()) {
            if (!in.name().equals("Provision:Policy") || policy != null) {
                throw in.unexpected();
            }
            policy = policyReader.read(in);
        }
        if (policy == null) {
            throw in.missing("Provision:Policy", "Provision:Policies");
        }
        return policy;
    }

    private ProvisionRequest.Policy requestPolicy(ElementReader in) throws DecodeException, IOException {
        PolicyType type = null;
        Optional<String> key = Optional.empty();
        Optional<ProvisionRequest.AckStatus> status = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Provision:PolicyType" -> type = policyType(in);
                case "Provision:PolicyKey" -> key = Optional.of(in.requiredText(MAX_POLICY_KEY));
                case "Provision:Status" -> status = Optional.of(in.status(ProvisionRequest.AckStatus.class));
                default -> throw in.unexpected();
            }
        }
        if (type == null) {
            throw in.missing("Provision:PolicyType", "Provision:Policy");
        }
        return new ProvisionRequest.Policy(type, key, status);
    }

    private static PolicyType policyType(ElementReader in) throws DecodeException, IOException {
        String s = in.text(64);
        return PolicyType.of(s).orElseThrow(() -> in.invalid("unknown PolicyType '" + s + "'"));
    }

    public void encodeRequest(WbxmlWriter writer, ProvisionRequest request) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("Provision:Provision");
        if (request.deviceInformation().isPresent() && out.atLeast(ProtocolVersion.V14_1)) {
            DeviceInformation d = request.deviceInformation().get();
            out.start("Settings:DeviceInformation").start("Settings:Set")
                    .optional("Settings:Model", d.model())
                    .optional("Settings:IMEI", d.imei())
                    .optional("Settings:FriendlyName", d.friendlyName())
                    .optional("Settings:OS", d.os())
                    .optional("Settings:OSLanguage", d.osLanguage())
                    .optional("Settings:PhoneNumber", d.phoneNumber())
                    .optional("Settings:UserAgent", d.userAgent())
                    .optional("Settings:EnableOutboundSMS", d.enableOutboundSms())
                    .optional("Settings:MobileOperator", d.mobileOperator())
                    .end().end();
        }
        if (request.policy().isPresent()) {
            ProvisionRequest.Policy p = request.policy().get();
            out.start("Provision:Policies").start("Provision:Policy")
                    .element("Provision:PolicyType", p.type().value())
                    .optional("Provision:PolicyKey", p.policyKey())
                    .optional("Provision:Status", p.status())
                    .end().end();
        }
        if (request.remoteWipe().isPresent()) {
            out.start("Provision:RemoteWipe").status("Provision:Status", request.remoteWipe().get()).end();
        }
        out.end().finish();
    }

    // --- response ------------------------------------------------------------------------------

    public ProvisionResponse decodeResponse(WbxmlReader reader, ProtocolVersion version) throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("Provision:Provision");
        Optional<ProvisionResponse.DeviceInformationStatus> deviceStatus = Optional.empty();
        ProvisionStatus status = null;
        Optional<ProvisionResponse.Policy> policy = Optional.empty();
        boolean wipe = false;
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Settings:DeviceInformation" -> {
                    in.requireVersion(ProtocolVersion.V14_1);
                    ProvisionResponse.DeviceInformationStatus s = null;
                    while (in.nextChild()) {
                        if (!in.name().equals("Settings:Status") || s != null) {
                            throw in.unexpected();
                        }
                        s = in.status(ProvisionResponse.DeviceInformationStatus.class);
                    }
                    if (s == null) {
                        throw in.missing("Settings:Status", "Settings:DeviceInformation");
                    }
                    deviceStatus = Optional.of(s);
                }
                case "Provision:Status" -> status = in.status(ProvisionStatus.class);
                case "Provision:Policies" -> policy = Optional.of(singlePolicy(in, this::responsePolicy));
                case "Provision:RemoteWipe" -> {
                    in.empty();
                    wipe = true;
                }
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing("Provision:Status", "Provision:Provision");
        }
        in.endDocument();
        return new ProvisionResponse(deviceStatus, status, policy, wipe);
    }

    private ProvisionResponse.Policy responsePolicy(ElementReader in) throws DecodeException, IOException {
        PolicyType type = null;
        ProvisionResponse.PolicyStatus status = null;
        Optional<String> key = Optional.empty();
        Optional<PolicySettings> settings = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Provision:PolicyType" -> type = policyType(in);
                case "Provision:Status" -> status = in.status(ProvisionResponse.PolicyStatus.class);
                case "Provision:PolicyKey" -> key = Optional.of(in.requiredText(MAX_POLICY_KEY));
                case "Provision:Data" -> {
                    PolicySettings doc = null;
                    while (in.nextChild()) {
                        if (!in.name().equals("Provision:EASProvisionDoc") || doc != null) {
                            throw in.unexpected();
                        }
                        doc = provisionDoc(in);
                    }
                    if (doc == null) {
                        throw in.missing("Provision:EASProvisionDoc", "Provision:Data");
                    }
                    settings = Optional.of(doc);
                }
                default -> throw in.unexpected();
            }
        }
        if (type == null) {
            throw in.missing("Provision:PolicyType", "Provision:Policy");
        }
        if (status == null) {
            throw in.missing("Provision:Status", "Provision:Policy");
        }
        return new ProvisionResponse.Policy(type, status, key, settings);
    }

    private static PolicySettings provisionDoc(ElementReader in) throws DecodeException, IOException {
        EnumMap<PolicySetting, PolicyValue> values = new EnumMap<>(PolicySetting.class);
        while (in.nextChild()) {
            String name = in.name();
            PolicySetting s = name.startsWith("Provision:")
                    ? PolicySetting.byElement(name.substring("Provision:".length())).orElseThrow(in::unexpected)
                    : null;
            if (s == null) {
                throw in.unexpected();
            }
            if (values.containsKey(s)) {
                throw in.invalid(name + " appears twice");
            }
            values.put(s, policyValue(in, s));
        }
        return new PolicySettings(values);
    }

    private static PolicyValue policyValue(ElementReader in, PolicySetting s) throws DecodeException, IOException {
        switch (s.kind()) {
            case FLAG -> {
                return new PolicyValue.Flag(in.bool());
            }
            case NUMBER -> {
                if (in.isEmptyElement() && s.emptyAllowed()) {
                    in.empty();
                    return new PolicyValue.NoLimit();
                }
                long n = in.integer(s.min(), s.max());
                if (!s.accepts(n)) {
                    throw in.invalid(s.element() + " = " + n + " is not an allowed value");
                }
                return new PolicyValue.Number(n);
            }
            default -> {
                String child = s.kind() == PolicySetting.Kind.APPLICATION_NAMES
                        ? "Provision:ApplicationName" : "Provision:Hash";
                List<String> entries = new ArrayList<>();
                while (in.nextChild()) {
                    if (!in.name().equals(child)) {
                        throw in.unexpected();
                    }
                    entries.add(in.requiredText(1024));
                }
                return new PolicyValue.Applications(entries);
            }
        }
    }

    public void encodeResponse(WbxmlWriter writer, ProvisionResponse response) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("Provision:Provision");
        if (response.deviceInformationStatus().isPresent() && out.atLeast(ProtocolVersion.V14_1)) {
            out.start("Settings:DeviceInformation")
                    .status("Settings:Status", response.deviceInformationStatus().get())
                    .end();
        }
        out.status("Provision:Status", response.status());
        if (response.policy().isPresent()) {
            ProvisionResponse.Policy p = response.policy().get();
            out.start("Provision:Policies").start("Provision:Policy")
                    .element("Provision:PolicyType", p.type().value())
                    .status("Provision:Status", p.status())
                    .optional("Provision:PolicyKey", p.policyKey());
            if (p.settings().isPresent()) {
                out.start("Provision:Data").start("Provision:EASProvisionDoc");
                writeSettings(out, p.settings().get());
                out.end().end();
            }
            out.end().end();
        }
        if (response.remoteWipe()) {
            out.empty("Provision:RemoteWipe");
        }
        out.end().finish();
    }

    private static void writeSettings(ElementWriter out, PolicySettings settings) throws IOException {
        for (Map.Entry<PolicySetting, PolicyValue> e : settings.values().entrySet()) {
            PolicySetting s = e.getKey();
            if (!out.atLeast(s.since())) {
                continue;
            }
            String element = "Provision:" + s.element();
            switch (e.getValue()) {
                case PolicyValue.Flag f -> out.element(element, f.value());
                case PolicyValue.Number n -> out.element(element, n.value());
                case PolicyValue.NoLimit x -> out.empty(element);
                case PolicyValue.Applications a -> {
                    String child = s.kind() == PolicySetting.Kind.APPLICATION_NAMES
                            ? "Provision:ApplicationName" : "Provision:Hash";
                    out.start(element);
                    for (String entry : a.entries()) {
                        out.element(child, entry);
                    }
                    out.end();
                }
            }
        }
    }
}
