package org.koppel.eas.validatecert;

import org.koppel.eas.codec.StatusCode;

/** The Status values of ValidateCert, of the command and of each certificate (MS-ASCMD 2.2.3.177.18). */
public enum ValidateCertStatus implements StatusCode {
    SUCCESS(1),
    PROTOCOL_ERROR(2),
    /** The signature in the certificate cannot be validated. */
    SIGNATURE_INVALID(3),
    /** Issued by a source the server does not trust. */
    UNTRUSTED_SOURCE(4),
    /** The chain is not built correctly (or the certificate cannot be read). */
    CHAIN_INVALID(5),
    /** Not meant for e-mail (S/MIME). */
    NOT_FOR_EMAIL(6),
    /** Expired, or not valid yet. */
    EXPIRED(7),
    /** The validity periods of the chain do not nest. */
    TIME_NESTING(8),
    /** A certificate of the chain is used for what its key usage does not allow. */
    PURPOSE_INVALID(9),
    MISSING_INFORMATION(10),
    /** An end-entity certificate used as a CA, or a CA certificate used as an end entity. */
    ROLE_INVALID(11),
    ADDRESS_MISMATCH(12),
    /** The certificate itself was revoked. */
    REVOKED(13),
    /** Its revocation status could not be determined (the CRL could not be had). */
    REVOCATION_SERVER_UNREACHABLE(14),
    /** A certificate of its chain was revoked. */
    CHAIN_REVOKED(15),
    REVOCATION_STATUS_UNVALIDATED(16),
    SERVER_ERROR(17);

    private final int code;

    ValidateCertStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
