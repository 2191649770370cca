package org.koppel.eas.validatecert;

import java.util.List;
import java.util.Objects;

/** The command's status and one status per certificate of the request, in its order. */
public record ValidateCertResponse(ValidateCertStatus status, List<ValidateCertStatus> certificates) {
    public ValidateCertResponse {
        Objects.requireNonNull(status, "status");
        certificates = List.copyOf(certificates);
    }
}
