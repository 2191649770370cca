package org.koppel.eas.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.koppel.eas.codec.CodecHarness;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.provision.DeviceInformation;
import org.koppel.eas.wbxml.ProtocolVersion;

/** The Settings codec: the documents of MS-ASCMD's shape both ways, the forms per version, refusals. */
class SettingsCodecTest {

    private final SettingsCodec codec = new SettingsCodec(CodecHarness.PAGES);

    @Test
    void aRequestWithEveryPartReadsAndWritesBack() throws Exception {
        SettingsRequest r = CodecHarness.golden("settings-request-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeRequest, codec::encodeRequest);
        SettingsRequest.OofSet set = (SettingsRequest.OofSet) r.oof().orElseThrow();
        assertEquals(Optional.of("2"), set.state());
        assertEquals(List.of(OofAudience.INTERNAL, OofAudience.EXTERNAL_UNKNOWN),
                set.messages().stream().map(SettingsRequest.OofMessageSet::audience).toList());
        assertEquals(Optional.of(false), r.deviceInformation().orElseThrow().enableOutboundSms());
        assertEquals(true, r.userInformation() && r.rightsManagement());
    }

    @Test
    void aResponseInTheAccountsFormReadsAndWritesBack() throws Exception {
        SettingsResponse r = CodecHarness.golden("settings-response-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeResponse, codec::encodeResponse);
        assertEquals(new SettingsResponse.User("Carol King", "carol@example.org",
                List.of("carol@example.org", "ck@example.com")), r.userInformation().orElseThrow().user().orElseThrow());
    }

    @Test
    void before14_1UserInformationIsTheAddressesOnly() throws Exception {
        SettingsResponse r = new SettingsResponse(SettingsStatus.SUCCESS, Optional.of(new SettingsResponse.OofResult(
                SettingsStatus.SUCCESS, Optional.of(new SettingsResponse.OofSettings(2,
                        Optional.of(Instant.parse("2026-07-01T08:00:00Z")),
                        Optional.of(Instant.parse("2026-07-02T08:00:00Z")), List.of())))),
                Optional.of(SettingsStatus.SUCCESS), Optional.empty(), Optional.of(
                        new SettingsResponse.UserInformationResult(SettingsStatus.SUCCESS, Optional.of(
                                new SettingsResponse.User("", "", List.of("a@example.org", "b@example.org"))))),
                Optional.empty());
        CodecHarness.roundTrip(r, ProtocolVersion.V12_0, codec::encodeResponse, codec::decodeResponse);
        String xml = CodecHarness.xml(CodecHarness.encode(codec::encodeResponse, r, ProtocolVersion.V12_0));
        assertEquals(false, xml.contains("Accounts"), xml);
    }

    @Test
    void requestsRoundTripInEachVersionWithWhatTheVersionHas() throws Exception {
        for (ProtocolVersion v : List.of(ProtocolVersion.V12_0, ProtocolVersion.V12_1, ProtocolVersion.V14_0)) {
            boolean v121 = v.compareTo(ProtocolVersion.V12_1) >= 0;
            boolean v140 = v.compareTo(ProtocolVersion.V14_0) >= 0;
            SettingsRequest r = SettingsRequest.none().withOof(new SettingsRequest.OofGet("HTML"))
                    .withDevicePassword("secret").withDeviceInformation(new DeviceInformation(Optional.of("M"),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                            v121 ? Optional.of("UA") : Optional.empty(), v140 ? Optional.of(true) : Optional.empty(),
                            v140 ? Optional.of("Op") : Optional.empty()));
            CodecHarness.roundTrip(r, v, codec::encodeRequest, codec::decodeRequest);
        }
    }

    @Test
    void misplacedRepeatedAndMissingElementsAreRefused() {
        for (String bad : List.of(
                "<Settings xmlns=\"Settings:\"/>",
                "<Settings xmlns=\"Settings:\"><Oof/></Settings>",
                "<Settings xmlns=\"Settings:\"><Oof><Get/></Oof></Settings>",
                "<Settings xmlns=\"Settings:\"><UserInformation><Get/></UserInformation><UserInformation><Get/>"
                        + "</UserInformation></Settings>",
                "<Settings xmlns=\"Settings:\"><Oof><Set><OofMessage><Enabled>1</Enabled></OofMessage></Set></Oof>"
                        + "</Settings>",
                "<Settings xmlns=\"Settings:\"><Oof><Set><OofMessage><AppliesToInternal/></OofMessage><OofMessage>"
                        + "<AppliesToInternal/></OofMessage></Set></Oof></Settings>",
                "<Settings xmlns=\"Settings:\"><DevicePassword><Set/></DevicePassword></Settings>",
                "<Settings xmlns=\"Settings:\"><DevicePassword><Set><Password>a</Password><Model>b</Model></Set>"
                        + "</DevicePassword></Settings>")) {
            assertThrows(DecodeException.class, () -> CodecHarness.decode(codec::decodeRequest,
                    CodecHarness.wbxml(bad, ProtocolVersion.V14_1), ProtocolVersion.V14_1), bad);
        }
    }
}
