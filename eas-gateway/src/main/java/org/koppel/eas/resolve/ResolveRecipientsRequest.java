package org.koppel.eas.resolve;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.koppel.eas.search.SearchOptions;

/**
 * A ResolveRecipients request ([MS-ASCMD] 2.2.1.15): the recipients as typed and the options.
 *
 * @param certificateRetrieval 1 none, 2 full certificates, 3 mini certificates
 * @param availability         14.0+: the free/busy window asked for
 * @param picture              14.1+: pictures asked for
 */
public record ResolveRecipientsRequest(List<String> to, Optional<Integer> certificateRetrieval,
        Optional<Integer> maxCertificates, Optional<Integer> maxAmbiguousRecipients,
        Optional<Availability> availability, Optional<SearchOptions.Picture> picture) {

    /** The most To elements one request may carry. */
    public static final int MAX_TO = 100;

    public record Availability(Instant start, Instant end) {
        public Availability {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }

    public ResolveRecipientsRequest {
        to = List.copyOf(to);
        Objects.requireNonNull(certificateRetrieval, "certificateRetrieval");
        Objects.requireNonNull(maxCertificates, "maxCertificates");
        Objects.requireNonNull(maxAmbiguousRecipients, "maxAmbiguousRecipients");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(picture, "picture");
    }

    public static ResolveRecipientsRequest of(List<String> to) {
        return new ResolveRecipientsRequest(to, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
