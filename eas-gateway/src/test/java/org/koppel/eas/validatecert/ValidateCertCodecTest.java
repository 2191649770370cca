package org.koppel.eas.validatecert;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.koppel.eas.codec.CodecHarness;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.wbxml.ProtocolVersion;

/** The ValidateCert codec both ways, and its refusals. */
class ValidateCertCodecTest {

    private final ValidateCertCodec codec = new ValidateCertCodec(CodecHarness.PAGES);

    @Test
    void requestsAndResponsesRoundTrip() throws Exception {
        for (ProtocolVersion v : List.of(ProtocolVersion.V12_0, ProtocolVersion.V14_1, ProtocolVersion.V16_1)) {
            CodecHarness.roundTrip(new ValidateCertRequest(List.of("AAAA", "BBBB"), List.of("CCCC"), true), v,
                    codec::encodeRequest, codec::decodeRequest);
            CodecHarness.roundTrip(new ValidateCertRequest(List.of("AAAA"), List.of(), false), v,
                    codec::encodeRequest, codec::decodeRequest);
            CodecHarness.roundTrip(new ValidateCertResponse(ValidateCertStatus.SUCCESS, List.of(
                    ValidateCertStatus.SUCCESS, ValidateCertStatus.REVOKED)), v, codec::encodeResponse,
                    codec::decodeResponse);
        }
    }

    @Test
    void requestsWithoutCertificatesOrWithStrangeElementsAreRefused() {
        for (String bad : List.of("<ValidateCert xmlns=\"ValidateCert:\"/>",
                "<ValidateCert xmlns=\"ValidateCert:\"><Certificates/></ValidateCert>",
                "<ValidateCert xmlns=\"ValidateCert:\"><Certificates><Status>1</Status></Certificates></ValidateCert>",
                "<ValidateCert xmlns=\"ValidateCert:\"><Certificates><Certificate>A</Certificate></Certificates>"
                        + "<CheckCRL>2</CheckCRL></ValidateCert>")) {
            assertThrows(DecodeException.class, () -> CodecHarness.decode(codec::decodeRequest,
                    CodecHarness.wbxml(bad, ProtocolVersion.V14_1), ProtocolVersion.V14_1), bad);
        }
    }
}
