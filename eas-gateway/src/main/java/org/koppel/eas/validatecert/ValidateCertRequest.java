package org.koppel.eas.validatecert;

import java.util.List;

/**
 * A ValidateCert request (MS-ASCMD 2.2.1.22): the certificates to validate and the intermediate ones that may
 * chain them to a trusted root, base64 DER as sent; whether their revocation is to be checked.
 */
public record ValidateCertRequest(List<String> certificates, List<String> chain, boolean checkCrl) {
    public ValidateCertRequest {
        certificates = List.copyOf(certificates);
        chain = List.copyOf(chain);
    }
}
