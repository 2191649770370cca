package org.koppel.eas.resolve;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.koppel.eas.search.PictureStatus;

/** A ResolveRecipients response ([MS-ASCMD] 2.2.1.15): the overall status and one Response per To. */
public record ResolveRecipientsResponse(ResolveRecipientsStatus status, List<Response> responses) {

    public ResolveRecipientsResponse {
        Objects.requireNonNull(status, "status");
        responses = List.copyOf(responses);
    }

    /** What one To resolved to; {@code RecipientCount} is the number of recipients listed. */
    public record Response(String to, ResolveRecipientsStatus status, List<Recipient> recipients) {
        public Response {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(status, "status");
            recipients = List.copyOf(recipients);
        }
    }

    /**
     * One recipient: type 1 (GAL) or 2 (a contact), names and address, and, when asked for, the status of its
     * availability, its certificates (with their count) and its picture.
     */
    public record Recipient(int type, String displayName, String emailAddress,
            Optional<ResolveRecipientsStatus> availability, Optional<ResolveRecipientsStatus> certificates,
            Optional<Integer> certificateCount, Optional<PictureStatus> picture) {

        public static final int GAL = 1;
        public static final int CONTACT = 2;

        public Recipient {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(emailAddress, "emailAddress");
            Objects.requireNonNull(availability, "availability");
            Objects.requireNonNull(certificates, "certificates");
            Objects.requireNonNull(certificateCount, "certificateCount");
            Objects.requireNonNull(picture, "picture");
        }
    }
}
