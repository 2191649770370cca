package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.backend.EasFolderType;
import org.koppel.eas.meetingresponse.MeetingResponseRequest;
import org.koppel.eas.meetingresponse.MeetingResponseResponse;
import org.koppel.eas.meetingresponse.MeetingResponseStatus;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * MeetingResponse while there are no calendars: each Request answered "invalid meeting request" with its
 * RequestId, a LongId request and a malformed one too, never a server error; in every protocol version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingResponseTest {

    private Gateway gateway;
    private String login;

    @BeforeAll
    void start() throws IOException {
        gateway = new Gateway();
        login = gateway.newUser();
    }

    @AfterAll
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void everyRequestIsAnInvalidMeetingRequestWithoutCalendars(ProtocolVersion version) {
        String deviceId = "mr" + version.name();
        String inbox = gateway.collectionId(login, deviceId, EasFolderType.INBOX);
        SettingsClient c = new SettingsClient(gateway.client(login, deviceId, version));
        Optional<String> instance = version.compareTo(ProtocolVersion.V14_1) >= 0
                ? Optional.of("2026-06-01T09:00:00.000Z") : Optional.empty();
        MeetingResponseResponse r = c.meetingResponse(new MeetingResponseRequest(List.of(
                new MeetingResponseRequest.Request(1, Optional.of(inbox), Optional.of(inbox + ":1"), Optional.empty(),
                        instance),
                new MeetingResponseRequest.Request(3, Optional.of(inbox), Optional.of(inbox + ":2"), Optional.empty(),
                        Optional.empty()),
                new MeetingResponseRequest.Request(2, Optional.empty(), Optional.empty(), Optional.of("RgAAAAD1"),
                        Optional.empty()))));
        assertEquals(List.of(
                new MeetingResponseResponse.Result(Optional.of(inbox + ":1"),
                        MeetingResponseStatus.INVALID_MEETING_REQUEST, Optional.empty()),
                new MeetingResponseResponse.Result(Optional.of(inbox + ":2"),
                        MeetingResponseStatus.INVALID_MEETING_REQUEST, Optional.empty()),
                new MeetingResponseResponse.Result(Optional.empty(), MeetingResponseStatus.INVALID_MEETING_REQUEST,
                        Optional.empty())), r.results());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void aMalformedRequestGetsAStatusNotAServerError(ProtocolVersion version) {
        SettingsClient c = new SettingsClient(gateway.client(login, "mrbad" + version.name(), version));
        MeetingResponseResponse noResponse = c.meetingResponseXml("<MeetingResponse xmlns=\"MeetingResponse:\">"
                + "<Request><CollectionId>1</CollectionId><RequestId>1:1</RequestId></Request></MeetingResponse>");
        assertEquals(List.of(new MeetingResponseResponse.Result(Optional.empty(),
                MeetingResponseStatus.INVALID_MEETING_REQUEST, Optional.empty())), noResponse.results());
        MeetingResponseResponse badValue = c.meetingResponseXml("<MeetingResponse xmlns=\"MeetingResponse:\">"
                + "<Request><UserResponse>7</UserResponse><CollectionId>1</CollectionId><RequestId>1:1</RequestId>"
                + "</Request></MeetingResponse>");
        assertEquals(MeetingResponseStatus.INVALID_MEETING_REQUEST, badValue.results().get(0).status());
    }
}
