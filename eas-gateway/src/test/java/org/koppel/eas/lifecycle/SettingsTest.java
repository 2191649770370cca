package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.dagent.delivery.Delivery;
import org.koppel.dagent.delivery.RecipientResult;
import org.koppel.dagent.delivery.Resolution;
import org.koppel.dagent.delivery.SpamRule;
import org.koppel.eas.provision.DeviceInformation;
import org.koppel.eas.settings.OofAudience;
import org.koppel.eas.settings.SettingsRequest;
import org.koppel.eas.settings.SettingsResponse;
import org.koppel.eas.settings.SettingsStatus;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.SecretSeal;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.Feature;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.QueuedMessage;
import org.koppel.store.client.UserKind;

/**
 * Settings over HTTP against a real store, in every protocol version: Oof Get and Set driving the delivery
 * agent's replies, DeviceInformation and the sealed DevicePassword in device state, UserInformation with the
 * aliases (the Accounts form from 14.1), RightsManagementInformation (14.1+) without templates, and the
 * statuses of bad requests and bad values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsTest {

    private Gateway gateway;
    private Delivery delivery;

    @BeforeAll
    void start() throws IOException {
        gateway = new Gateway();
        delivery = new Delivery(gateway.engine, new Credentials.Service("koppel-dagent", Gateway.SECRET, ""),
                new SpamRule("X-Spam-Status", "Yes"), gateway.files);
    }

    @AfterAll
    void stop() throws IOException {
        if (delivery != null) {
            delivery.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private static SettingsRequest.OofMessageSet message(OofAudience audience, boolean enabled, String text,
            String bodyType) {
        return new SettingsRequest.OofMessageSet(audience, Optional.of(enabled ? "1" : "0"), Optional.of(text),
                Optional.of(bodyType));
    }

    private static SettingsRequest oofSet(String state, Optional<Instant> start, Optional<Instant> end,
            SettingsRequest.OofMessageSet... messages) {
        return SettingsRequest.none().withOof(new SettingsRequest.OofSet(Optional.of(state),
                start.map(SettingsTest::dateTime), end.map(SettingsTest::dateTime), List.of(messages)));
    }

    private static String dateTime(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(t);
    }

    private static SettingsResponse.OofSettings oofGet(SettingsClient c, String bodyType) {
        SettingsResponse r = c.settings(SettingsRequest.none().withOof(new SettingsRequest.OofGet(bodyType)));
        assertEquals(SettingsStatus.SUCCESS, r.status());
        assertEquals(SettingsStatus.SUCCESS, r.oof().orElseThrow().status());
        return r.oof().get().get().orElseThrow();
    }

    private static SettingsStatus oofStatus(SettingsResponse r) {
        assertEquals(SettingsStatus.SUCCESS, r.status(), "the command went through; the part says what failed");
        return r.oof().orElseThrow().status();
    }

    /** Delivers a message from {@code sender} to the user through the delivery agent; the user's queued replies. */
    private List<String> deliverAndReplies(String login, String sender) throws IOException {
        byte[] eml = ("From: <" + sender + ">\r\nTo: <" + login + "@example.org>\r\nSubject: Lunch?\r\n"
                + "Message-ID: <" + System.nanoTime() + "@example.net>\r\nDate: Mon, 1 Jun 2026 12:00:00 +0000\r\n"
                + "\r\nShall we?\r\n").getBytes(StandardCharsets.US_ASCII);
        Resolution.Mailbox box = (Resolution.Mailbox) delivery.resolve(login + "@example.org");
        List<RecipientResult> results = delivery.deliver(InputStreamSource.ofBytes(eml), eml.length, sender,
                List.of(box), r -> { });
        assertTrue(results.get(0).delivered(), results.toString());
        return gateway.admin.outgoing().pending(1000).stream().filter(q -> q.ownerLogin().equals(login))
                .map(QueuedMessage::message).map(id -> (String) gateway.admin.messages().load(id)
                        .property(PropTags.PR_BODY).map(v -> v.javaValue()).orElse(""))
                .sorted().toList();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void oofSetOnThePhoneMakesTheDeliveryAgentAnswer(ProtocolVersion version) throws IOException {
        String login = gateway.newUser();
        SettingsClient c = new SettingsClient(gateway.client(login, "oof" + version.name(), version));
        SettingsResponse.OofSettings off = oofGet(c, "Text");
        assertEquals(0, off.state());
        assertEquals(3, off.messages().size());

        assertEquals(SettingsStatus.SUCCESS, oofStatus(c.settings(oofSet("1", Optional.empty(), Optional.empty(),
                message(OofAudience.INTERNAL, true, "Ask Bob.", "Text"),
                message(OofAudience.EXTERNAL_KNOWN, true, "I am away.", "Text"),
                message(OofAudience.EXTERNAL_UNKNOWN, true, "<p>I am <b>away</b>.</p>", "HTML")))));
        SettingsResponse.OofSettings on = oofGet(c, "Text");
        assertEquals(1, on.state());
        assertEquals(List.of(new SettingsResponse.OofMessage(OofAudience.INTERNAL, true, "Ask Bob.", "Text"),
                new SettingsResponse.OofMessage(OofAudience.EXTERNAL_KNOWN, true, "I am away.", "Text"),
                new SettingsResponse.OofMessage(OofAudience.EXTERNAL_UNKNOWN, true, "I am away.", "Text")),
                on.messages());
        SettingsResponse.OofMessage html = oofGet(c, "HTML").messages().get(0);
        assertEquals("HTML", html.bodyType());
        assertTrue(html.replyMessage().contains("Ask Bob.") && html.replyMessage().startsWith("<html>"),
                html.replyMessage());

        assertEquals(List.of("I am away."), deliverAndReplies(login, "stranger@example.net"));
        assertEquals(List.of("Ask Bob.", "I am away."), deliverAndReplies(login, "colleague@example.org"),
                "a sender of the user's own domain gets the internal text");

        // Time-based, starting tomorrow: set and read back, and nobody is answered today.
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofDays(7));
        assertEquals(SettingsStatus.SUCCESS, oofStatus(c.settings(oofSet("2", Optional.of(start), Optional.of(end)))));
        SettingsResponse.OofSettings later = oofGet(c, "Text");
        assertEquals(2, later.state());
        assertEquals(Optional.of(start), later.startTime());
        assertEquals(Optional.of(end), later.endTime());
        assertEquals("Ask Bob.", later.messages().get(0).replyMessage(), "texts left out of the Set are kept");
        assertEquals(2, deliverAndReplies(login, "early@example.net").size(), "not answered before the start");

        assertEquals(SettingsStatus.SUCCESS, oofStatus(c.settings(oofSet("1", Optional.empty(), Optional.empty(),
                message(OofAudience.EXTERNAL_KNOWN, false, "", "Text"),
                message(OofAudience.EXTERNAL_UNKNOWN, false, "", "Text")))));
        assertEquals(2, deliverAndReplies(login, "outsider@example.net").size(), "outside senders switched off");
        assertEquals(3, deliverAndReplies(login, "colleague2@example.org").size(), "inside ones still answered");

        assertEquals(SettingsStatus.SUCCESS, oofStatus(c.settings(oofSet("0", Optional.empty(), Optional.empty()))));
        assertEquals(0, oofGet(c, "Text").state());
        assertEquals(3, deliverAndReplies(login, "colleague3@example.org").size(), "off: nobody is answered");
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_1", "V14_1", "V16_1"})
    void aTimeBasedStateWithoutTimesUsesTheKeptWindowOrNone(ProtocolVersion version) {
        SettingsClient c = new SettingsClient(gateway.client(gateway.newUser(), "tb" + version.name(), version));
        assertEquals(SettingsStatus.SUCCESS, oofStatus(c.settings(oofSet("2", Optional.empty(), Optional.empty(),
                message(OofAudience.INTERNAL, true, "Back soon.", "Text")))), "no window sent, none kept");
        SettingsResponse.OofSettings on = oofGet(c, "Text");
        assertEquals(1, on.state(), "on without a window");
        assertEquals(Optional.empty(), on.startTime());
        assertEquals("Back soon.", on.messages().get(0).replyMessage());

        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofDays(3));
        assertEquals(SettingsStatus.SUCCESS, oofStatus(c.settings(oofSet("2", Optional.of(start), Optional.of(end)))));
        assertEquals(SettingsStatus.SUCCESS, oofStatus(c.settings(oofSet("0", Optional.empty(), Optional.empty()))));
        assertEquals(SettingsStatus.SUCCESS, oofStatus(c.settings(oofSet("2", Optional.empty(), Optional.empty()))));
        SettingsResponse.OofSettings again = oofGet(c, "Text");
        assertEquals(2, again.state(), "time-based again over the window kept while off");
        assertEquals(Optional.of(start), again.startTime());
        assertEquals(Optional.of(end), again.endTime());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_1", "V14_1", "V16_1"})
    void aTextForKnownOutsideSendersAloneBecomesTheOutsideText(ProtocolVersion version) throws IOException {
        String login = gateway.newUser();
        SettingsClient c = new SettingsClient(gateway.client(login, "known" + version.name(), version));
        assertEquals(SettingsStatus.SUCCESS, oofStatus(c.settings(oofSet("1", Optional.empty(), Optional.empty(),
                message(OofAudience.EXTERNAL_KNOWN, true, "Out of office", "TEXT")))));
        SettingsResponse.OofSettings on = oofGet(c, "Text");
        assertEquals(new SettingsResponse.OofMessage(OofAudience.EXTERNAL_KNOWN, true, "Out of office", "Text"),
                on.messages().get(1), "the text sent is kept");
        assertEquals("Out of office", on.messages().get(2).replyMessage(), "outside senders share one text");
        assertEquals(List.of("Out of office"), deliverAndReplies(login, "someone@example.net"));

        // Both outside texts sent: the unknown senders' is the shared one, as before.
        assertEquals(SettingsStatus.SUCCESS, oofStatus(c.settings(oofSet("1", Optional.empty(), Optional.empty(),
                message(OofAudience.EXTERNAL_KNOWN, true, "Known text", "Text"),
                message(OofAudience.EXTERNAL_UNKNOWN, true, "Unknown text", "Text")))));
        assertEquals("Unknown text", oofGet(c, "Text").messages().get(1).replyMessage());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void deviceInformationIsKeptInDeviceState(ProtocolVersion version) {
        String login = gateway.newUser();
        String deviceId = "info" + version.name();
        SettingsClient c = new SettingsClient(gateway.client(login, deviceId, version));
        boolean v121 = version.compareTo(ProtocolVersion.V12_1) >= 0;
        boolean v140 = version.compareTo(ProtocolVersion.V14_0) >= 0;
        DeviceInformation sent = new DeviceInformation(Optional.of("iPhone14,2"), Optional.of("356938035643809"),
                Optional.of("Alice's iPhone"), Optional.of("iOS 17.4 21E219"), Optional.of("de-DE"),
                Optional.of("+49 30 1234567"), v121 ? Optional.of("Apple-iPhone14C2/2102.100") : Optional.empty(),
                v140 ? Optional.of(true) : Optional.empty(), v140 ? Optional.of("Telekom.de") : Optional.empty());
        SettingsResponse r = c.settings(SettingsRequest.none().withDeviceInformation(sent));
        assertEquals(SettingsStatus.SUCCESS, r.status());
        assertEquals(Optional.of(SettingsStatus.SUCCESS), r.deviceInformation());
        assertEquals(sent.toState(), gateway.state.devices().findFresh(new DeviceAccount(login, deviceId))
                .orElseThrow().information());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void userInformationListsTheAddressesWithTheAliases(ProtocolVersion version) {
        String login = "alias" + version.name().toLowerCase() + System.nanoTime();
        gateway.admin.directory().createUser(new NewUser(login, "Carol Alias", login + "@example.org", "pw-" + login,
                false, UserKind.USER, List.of("carol." + login + "@example.com"), Set.of(Feature.values())));
        SettingsClient c = new SettingsClient(gateway.client(login, "ui" + version.name(), version));
        SettingsResponse r = c.settings(SettingsRequest.none().withUserInformation());
        assertEquals(SettingsStatus.SUCCESS, r.status());
        SettingsResponse.UserInformationResult u = r.userInformation().orElseThrow();
        assertEquals(SettingsStatus.SUCCESS, u.status());
        SettingsResponse.User user = u.user().orElseThrow();
        assertEquals(List.of(login + "@example.org", "carol." + login + "@example.com"), user.addresses());
        if (version.compareTo(ProtocolVersion.V14_1) >= 0) {
            assertEquals("Carol Alias", user.displayName(), "the Accounts form");
            assertEquals(login + "@example.org", user.primaryAddress());
        } else {
            assertEquals("", user.displayName(), "before 14.1 only the addresses");
            assertEquals("", user.primaryAddress());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void theRecoveryPasswordIsKeptSealed(ProtocolVersion version) {
        String login = gateway.newUser();
        String deviceId = "pw" + version.name();
        SettingsClient c = new SettingsClient(gateway.client(login, deviceId, version));
        SettingsResponse r = c.settings(SettingsRequest.none().withDevicePassword("Recover-Me-2026"));
        assertEquals(Optional.of(SettingsStatus.SUCCESS), r.devicePassword());
        DeviceAccount account = new DeviceAccount(login, deviceId);
        byte[] stored = gateway.state.devices().recoveryPassword(account).orElseThrow();
        String asText = new String(stored, StandardCharsets.ISO_8859_1);
        assertFalse(asText.contains("Recover-Me-2026") || new String(stored, StandardCharsets.UTF_16LE)
                .contains("Recover-Me-2026"), "not the plain text");
        assertEquals("Recover-Me-2026", SecretSeal.fromKeyFile(gateway.files.resolve("eas-device-password.key"))
                .open(account, stored), "the data directory's key opens it");

        SettingsResponse tooLong = c.settings(SettingsRequest.none().withDevicePassword("x".repeat(256)));
        assertEquals(SettingsStatus.SUCCESS, tooLong.status());
        assertEquals(Optional.of(SettingsStatus.INVALID_ARGUMENTS), tooLong.devicePassword(), "at most 255");
        assertEquals(Optional.of(SettingsStatus.INVALID_ARGUMENTS),
                c.settings(SettingsRequest.none().withDevicePassword("")).devicePassword());
        assertEquals("Recover-Me-2026", SecretSeal.fromKeyFile(gateway.files.resolve("eas-device-password.key"))
                .open(account, gateway.state.devices().recoveryPassword(account).orElseThrow()), "kept");
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V14_1", "V16_0", "V16_1"})
    void rightsManagementInformationHasNoTemplates(ProtocolVersion version) {
        SettingsClient c = new SettingsClient(gateway.client(gateway.newUser(), "rm" + version.name(), version));
        SettingsResponse r = c.settings(SettingsRequest.none().withRightsManagement().withUserInformation());
        assertEquals(SettingsStatus.SUCCESS, r.status());
        assertEquals(Optional.of(SettingsStatus.SUCCESS), r.rightsManagement());
        assertEquals(SettingsStatus.SUCCESS, r.userInformation().orElseThrow().status());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void badRequestsAndBadValuesGetTheirStatus(ProtocolVersion version) {
        String login = gateway.newUser();
        SettingsClient c = new SettingsClient(gateway.client(login, "bad" + version.name(), version));
        String ns = "<Settings xmlns=\"Settings:\">";
        assertEquals(SettingsResponse.only(SettingsStatus.PROTOCOL_ERROR),
                c.settingsXml(ns + "<Oof><Get><BodyType>Text</BodyType><Model>x</Model></Get></Oof></Settings>"),
                "an element Oof Get does not have");
        assertEquals(SettingsResponse.only(SettingsStatus.PROTOCOL_ERROR),
                c.settingsXml(ns + "<Model>x</Model></Settings>"), "an element Settings does not have");
        assertEquals(SettingsResponse.only(SettingsStatus.PROTOCOL_ERROR), c.settingsXml(ns + "</Settings>"),
                "asks for nothing");

        Instant start = Instant.now().plus(Duration.ofDays(1));
        assertEquals(SettingsStatus.INVALID_ARGUMENTS, oofStatus(c.settingsXml(ns + "<Oof><Set><OofState>2</OofState>"
                + "<StartTime>next Monday</StartTime><EndTime>2030-01-01T00:00:00.000Z</EndTime></Set></Oof>"
                + "</Settings>")), "a malformed date");
        assertEquals(SettingsStatus.CONFLICTING_ARGUMENTS, oofStatus(c.settings(oofSet("2", Optional.of(start),
                Optional.of(start.minus(Duration.ofHours(1)))))), "the end before the start");
        // MS-ASCMD 2.2.3.176.2: StartTime without EndTime (or the reverse) is the Oof's Status 2.
        assertEquals(SettingsStatus.PROTOCOL_ERROR, oofStatus(c.settings(oofSet("2", Optional.of(start),
                Optional.empty()))), "time-based without an end");
        assertEquals(SettingsStatus.PROTOCOL_ERROR, oofStatus(c.settings(oofSet("1", Optional.empty(),
                Optional.of(start)))), "an end without a start");
        assertEquals(SettingsStatus.PROTOCOL_ERROR, oofStatus(c.settingsXml(ns + "<Oof><Set><StartTime>"
                + "2030-01-01T00:00:00.000Z</StartTime></Set></Oof></Settings>")), "a start alone, no OofState");
        assertEquals(SettingsStatus.INVALID_ARGUMENTS, oofStatus(c.settings(oofSet("3", Optional.empty(),
                Optional.empty()))), "no OofState 3");
        assertEquals(SettingsStatus.INVALID_ARGUMENTS, oofStatus(c.settings(oofSet("1", Optional.empty(),
                Optional.empty(), message(OofAudience.INTERNAL, true, "Away", "RTF")))), "no BodyType RTF");
        assertEquals(SettingsStatus.INVALID_ARGUMENTS, oofStatus(c.settings(SettingsRequest.none().withOof(
                new SettingsRequest.OofGet("Markdown")))));
        assertEquals(0, oofGet(c, "Text").state(), "nothing was changed by the refused Sets");

        // One part's bad value does not stop the others.
        SettingsResponse mixed = c.settings(oofSet("9", Optional.empty(), Optional.empty()).withUserInformation());
        assertEquals(SettingsStatus.INVALID_ARGUMENTS, mixed.oof().orElseThrow().status());
        assertEquals(SettingsStatus.SUCCESS, mixed.userInformation().orElseThrow().status());
    }
}
