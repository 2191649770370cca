package org.koppel.eas.provision;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.codec.CodecHarness.*;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.wbxml.ProtocolVersion;

class ProvisionCodecTest {
    private final ProvisionCodec codec = new ProvisionCodec(PAGES);

    @Test
    void initialRequestWithDeviceInformation() throws Exception {
        ProvisionRequest r = golden("provision-request-initial-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeRequest, codec::encodeRequest);
        DeviceInformation d = r.deviceInformation().orElseThrow();
        assertEquals(Optional.of("Pixel 8"), d.model());
        assertEquals(Optional.of("de-DE"), d.osLanguage());
        assertEquals(Optional.of(false), d.enableOutboundSms());
        assertEquals(Optional.of("Telekom"), d.mobileOperator());
        assertEquals(PolicyType.WBXML, r.policy().orElseThrow().type());
        assertTrue(r.policy().orElseThrow().policyKey().isEmpty());
    }

    @Test
    void acknowledgementAndWipeRequests() throws Exception {
        ProvisionRequest ack = golden("provision-request-ack-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeRequest, codec::encodeRequest);
        assertEquals(Optional.of("1307199584"), ack.policy().orElseThrow().policyKey());
        assertEquals(Optional.of(ProvisionRequest.AckStatus.APPLIED), ack.policy().orElseThrow().status());
        ProvisionRequest wipe = golden("provision-request-wipe-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeRequest, codec::encodeRequest);
        assertEquals(Optional.of(ProvisionRequest.WipeStatus.WIPED), wipe.remoteWipe());
    }

    @Test
    void responseWithEveryPolicySetting() throws Exception {
        ProvisionResponse r = golden("provision-response-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeResponse, codec::encodeResponse);
        PolicySettings s = r.policy().orElseThrow().settings().orElseThrow();
        assertEquals(PolicySetting.values().length, s.values().size(), "the fixture names every setting");
        assertEquals(Optional.of(true), s.flag(PolicySetting.DEVICE_PASSWORD_ENABLED));
        assertEquals(OptionalLong.of(900), s.number(PolicySetting.MAX_INACTIVITY_TIME_DEVICE_LOCK));
        assertEquals(Optional.of(new PolicyValue.NoLimit()), s.get(PolicySetting.MAX_ATTACHMENT_SIZE));
        assertEquals(OptionalLong.of(-1), s.number(PolicySetting.MAX_EMAIL_BODY_TRUNCATION_SIZE));
        assertEquals(List.of("Solitaire"), s.applications(PolicySetting.UNAPPROVED_IN_ROM_APPLICATION_LIST));
        assertEquals(Optional.of(ProvisionResponse.DeviceInformationStatus.SUCCESS), r.deviceInformationStatus());
    }

    @Test
    void olderClientsGetOnlyTheSettingsTheirVersionHas() throws Exception {
        ProvisionResponse full = golden("provision-response-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeResponse, codec::encodeResponse);
        byte[] v120 = encode(codec::encodeResponse, full, ProtocolVersion.V12_0);
        ProvisionResponse seen = decode(codec::decodeResponse, v120, ProtocolVersion.V12_0);
        PolicySettings s = seen.policy().orElseThrow().settings().orElseThrow();
        assertEquals(12, s.values().size(), "the twelve 12.0 settings");
        assertTrue(s.values().keySet().stream().allMatch(k -> k.since() == ProtocolVersion.V12_0));
        assertTrue(seen.deviceInformationStatus().isEmpty(), "DeviceInformation is 14.1+");
    }

    @Test
    void settingsFromPairsAreCheckedAndOrdered() {
        Map<String, String> ini = new LinkedHashMap<>();
        ini.put("AllowCamera", "false");
        ini.put("maxattachmentsize", "unlimited");
        ini.put("DevicePasswordEnabled", "1");
        ini.put("ApprovedApplicationList", "abc=, def=");
        PolicySettings s = PolicySettings.fromPairs(ini);
        assertEquals(List.of(PolicySetting.DEVICE_PASSWORD_ENABLED, PolicySetting.MAX_ATTACHMENT_SIZE,
                PolicySetting.ALLOW_CAMERA, PolicySetting.APPROVED_APPLICATION_LIST), List.copyOf(s.values().keySet()));
        assertEquals(List.of("abc=", "def="), s.applications(PolicySetting.APPROVED_APPLICATION_LIST));
        assertThrows(IllegalArgumentException.class, () -> PolicySettings.fromPairs(Map.of("AllowFax", "1")));
        assertThrows(IllegalArgumentException.class, () -> PolicySettings.fromPairs(Map.of("AllowCamera", "2")));
        assertThrows(IllegalArgumentException.class,
                () -> PolicySettings.fromPairs(Map.of("MinDevicePasswordLength", "17")));
        assertThrows(IllegalArgumentException.class,
                () -> PolicySettings.fromPairs(Map.of("MaxCalendarAgeFilter", "2")), "1-3 are e-mail only");
        assertThrows(IllegalArgumentException.class,
                () -> PolicySettings.fromPairs(Map.of("DevicePasswordHistory", "")), "no empty form");
    }

    @Test
    void roundTripsInEveryVersion() throws Exception {
        ProvisionResponse wipe = new ProvisionResponse(Optional.empty(), ProvisionStatus.SUCCESS, Optional.empty(), true);
        ProvisionResponse key = new ProvisionResponse(Optional.empty(), ProvisionStatus.SUCCESS,
                Optional.of(new ProvisionResponse.Policy(PolicyType.WBXML, ProvisionResponse.PolicyStatus.SUCCESS,
                        Optional.of("42"), Optional.of(PolicySettings.fromPairs(Map.of("DevicePasswordEnabled", "0"))))),
                false);
        ProvisionRequest xmlType = new ProvisionRequest(Optional.empty(),
                Optional.of(new ProvisionRequest.Policy(PolicyType.WAP_XML, Optional.empty(), Optional.empty())),
                Optional.empty());
        for (ProtocolVersion v : List.of(ProtocolVersion.V12_0, ProtocolVersion.V12_1, ProtocolVersion.V14_0,
                ProtocolVersion.V14_1, ProtocolVersion.V16_0, ProtocolVersion.V16_1)) {
            roundTrip(wipe, v, codec::encodeResponse, codec::decodeResponse);
            roundTrip(key, v, codec::encodeResponse, codec::decodeResponse);
            roundTrip(xmlType, v, codec::encodeRequest, codec::decodeRequest);
        }
    }

    @Test
    void refusesMalformedDocuments() throws IOException {
        refused(fixture("provision-request-initial-14.1.xml"), ProtocolVersion.V14_0, codec::decodeRequest,
                DecodeException.Reason.NOT_IN_VERSION);
        refused("<Provision xmlns='Provision:'><Policies><Policy><PolicyKey>1</PolicyKey></Policy></Policies></Provision>",
                ProtocolVersion.V14_1, codec::decodeRequest, DecodeException.Reason.MISSING);
        refused("<Provision xmlns='Provision:'><Policies><Policy><PolicyType>Fax</PolicyType></Policy></Policies></Provision>",
                ProtocolVersion.V14_1, codec::decodeRequest, DecodeException.Reason.BAD_VALUE);
        refused("<Provision xmlns='Provision:'><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType>"
                + "<Status>7</Status></Policy></Policies></Provision>",
                ProtocolVersion.V14_1, codec::decodeRequest, DecodeException.Reason.BAD_VALUE);
        refused("<Provision xmlns='Provision:'><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType>"
                + "<PolicyKey>" + "9".repeat(65) + "</PolicyKey></Policy></Policies></Provision>",
                ProtocolVersion.V14_1, codec::decodeRequest, DecodeException.Reason.BAD_VALUE);
        refused("<Provision xmlns='Provision:'><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType>"
                + "</Policy><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies></Provision>",
                ProtocolVersion.V14_1, codec::decodeRequest, DecodeException.Reason.UNEXPECTED);
        refused("<Provision xmlns='Provision:'><RemoteWipe/></Provision>", ProtocolVersion.V14_1,
                codec::decodeRequest, DecodeException.Reason.MISSING);
        String doc = "<Provision xmlns='Provision:'><Status>1</Status><Policies><Policy>"
                + "<PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><Status>1</Status><Data><EASProvisionDoc>%s"
                + "</EASProvisionDoc></Data></Policy></Policies></Provision>";
        refused(doc.formatted("<MinDevicePasswordLength>0</MinDevicePasswordLength>"), ProtocolVersion.V14_1,
                codec::decodeResponse, DecodeException.Reason.BAD_VALUE);
        refused(doc.formatted("<AllowBluetooth>3</AllowBluetooth>"), ProtocolVersion.V14_1,
                codec::decodeResponse, DecodeException.Reason.BAD_VALUE);
        refused(doc.formatted("<AllowCamera>1</AllowCamera><AllowCamera>1</AllowCamera>"), ProtocolVersion.V14_1,
                codec::decodeResponse, DecodeException.Reason.BAD_VALUE);
        refused(doc.formatted("<DocumentBrowseEnabled>1</DocumentBrowseEnabled>"), ProtocolVersion.V14_1,
                codec::decodeResponse, DecodeException.Reason.UNEXPECTED);
        refused(doc.formatted("<AllowCamera>1</AllowCamera>"), ProtocolVersion.V12_0,
                codec::decodeResponse, DecodeException.Reason.NOT_IN_VERSION);
        refused(doc.formatted("<ApprovedApplicationList><ApplicationName>x</ApplicationName></ApprovedApplicationList>"),
                ProtocolVersion.V14_1, codec::decodeResponse, DecodeException.Reason.UNEXPECTED);
        refused("<Provision xmlns='Provision:'><Policies/></Provision>", ProtocolVersion.V14_1,
                codec::decodeResponse, DecodeException.Reason.MISSING);
    }
}
