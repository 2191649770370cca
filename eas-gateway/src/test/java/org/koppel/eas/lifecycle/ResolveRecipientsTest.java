package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.eas.resolve.ResolveRecipientsRequest;
import org.koppel.eas.resolve.ResolveRecipientsResponse;
import org.koppel.eas.resolve.ResolveRecipientsStatus;
import org.koppel.eas.search.PictureStatus;
import org.koppel.eas.search.SearchOptions;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.UserChanges;

/**
 * ResolveRecipients over real HTTP in every protocol version: an address or alias resolves to one person, a
 * name prefix to several (capped by MaxAmbiguousRecipients), a stranger to none; certificates, free/busy and
 * pictures, which the server does not hold, get their "none available" statuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResolveRecipientsTest {

    private Gateway gw;

    @BeforeAll
    void start() throws IOException {
        gw = new Gateway();
    }

    @AfterAll
    void stop() throws IOException {
        gw.close();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void resolvesExactAmbiguousAndUnknownRecipients(ProtocolVersion v) {
        String tag = "r" + Long.toString(System.nanoTime(), 36);
        gw.admin.directory().createUser(NewUser.of(tag + "kim", "Kim " + tag + "lund", tag + ".kim@example.org", "pw"));
        gw.admin.directory().createUser(NewUser.of(tag + "kai", "Kai " + tag + "lind", tag + ".kai@example.org", "pw"));
        gw.admin.directory().updateUser(tag + "kai", UserChanges.none().withAliases(List.of(tag + "k@example.org")));
        String user = gw.newUser();
        SearchCalls calls = new SearchCalls(gw.client(user, "resolve" + v.name(), v));

        boolean v14 = v.compareTo(ProtocolVersion.V14_0) >= 0;
        boolean v141 = v.compareTo(ProtocolVersion.V14_1) >= 0;
        ResolveRecipientsRequest request = new ResolveRecipientsRequest(
                List.of(tag + ".kim@example.org", tag + "k@example.org", tag + "kai", tag + "l", "nobody" + tag),
                Optional.of(2), Optional.of(5), Optional.empty(),
                v14 ? Optional.of(new ResolveRecipientsRequest.Availability(Instant.parse("2026-03-01T00:00:00Z"),
                        Instant.parse("2026-03-02T00:00:00Z"))) : Optional.empty(),
                v141 ? Optional.of(new SearchOptions.Picture(Optional.of(10_000L), Optional.of(5))) : Optional.empty());
        ResolveRecipientsResponse r = calls.resolve(request);
        assertEquals(ResolveRecipientsStatus.SUCCESS, r.status());
        assertEquals(5, r.responses().size());

        // By address: one, with the statuses of what the server does not hold.
        ResolveRecipientsResponse.Response byAddress = r.responses().get(0);
        assertEquals(tag + ".kim@example.org", byAddress.to());
        assertEquals(ResolveRecipientsStatus.SUCCESS, byAddress.status());
        ResolveRecipientsResponse.Recipient kim = byAddress.recipients().get(0);
        assertEquals(1, byAddress.recipients().size());
        assertEquals(ResolveRecipientsResponse.Recipient.GAL, kim.type());
        assertEquals("Kim " + tag + "lund", kim.displayName());
        assertEquals(tag + ".kim@example.org", kim.emailAddress());
        assertEquals(Optional.of(ResolveRecipientsStatus.NO_VALID_CERTIFICATE), kim.certificates());
        assertEquals(Optional.of(0), kim.certificateCount());
        assertEquals(v14 ? Optional.of(ResolveRecipientsStatus.FREE_BUSY_UNAVAILABLE) : Optional.empty(),
                kim.availability());
        assertEquals(v141 ? Optional.of(PictureStatus.NO_PICTURE) : Optional.empty(), kim.picture());

        // By alias address and by login (the GAL alias): one each.
        assertEquals(List.of(tag + ".kai@example.org"), r.responses().get(1).recipients().stream()
                .map(ResolveRecipientsResponse.Recipient::emailAddress).toList());
        assertEquals(ResolveRecipientsStatus.SUCCESS, r.responses().get(2).status());
        assertEquals(tag + ".kai@example.org", r.responses().get(2).recipients().get(0).emailAddress());

        // A name prefix shared by both: ambiguous, suggestions without certificates.
        ResolveRecipientsResponse.Response prefix = r.responses().get(3);
        assertEquals(ResolveRecipientsStatus.AMBIGUOUS, prefix.status());
        assertEquals(2, prefix.recipients().size());
        assertTrue(prefix.recipients().stream().allMatch(x -> x.certificates().isEmpty()));

        // Nobody.
        assertEquals(ResolveRecipientsStatus.NOT_RESOLVED, r.responses().get(4).status());
        assertTrue(r.responses().get(4).recipients().isEmpty());

        // MaxAmbiguousRecipients 1: a partial list.
        ResolveRecipientsResponse capped = calls.resolve(new ResolveRecipientsRequest(List.of(tag + "l"),
                Optional.empty(), Optional.empty(), Optional.of(1), Optional.empty(), Optional.empty()));
        assertEquals(ResolveRecipientsStatus.AMBIGUOUS_PARTIAL, capped.responses().get(0).status());
        assertEquals(1, capped.responses().get(0).recipients().size());

        // Without CertificateRetrieval no certificate element.
        ResolveRecipientsResponse plain = calls.resolve(ResolveRecipientsRequest.of(List.of(tag + "kim")));
        assertTrue(plain.responses().get(0).recipients().get(0).certificates().isEmpty());
    }
}
