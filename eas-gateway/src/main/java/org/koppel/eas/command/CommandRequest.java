package org.koppel.eas.command;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * One authenticated, provisioned ActiveSync request as a command handler gets it: who, from which device, in
 * which protocol version, with which parameters, and the body to read.
 *
 * @param <S> what the authenticator gave for the user (e.g. a backend session), handed through untouched
 * @param user the user name the authenticator settled on
 * @param session the authenticator's session for this request
 * @param policyKey the X-MS-PolicyKey header or the base64 form's policy key, when sent
 * @param locale the base64 form's locale (an MS-LCID), when sent
 * @param contentType the Content-Type header, when sent
 * @param contentLength the declared body length, -1 when not declared (chunked)
 * @param body the body: bounded by the gateway's request size limit (reading past it throws
 *     {@link org.koppel.eas.http.RequestTooLargeException}); read it before the returned stage completes
 */
public record CommandRequest<S>(Command command, String user, S session, Device device, ProtocolVersion version,
        OptionalLong policyKey, OptionalInt locale, CommandParameters parameters, Optional<String> userAgent,
        Optional<String> contentType, long contentLength, InputStream body, String remoteAddress) {

    public CommandRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(policyKey, "policyKey");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /** Whether the response may (and for ItemOperations fetches, should) use the multipart format. */
    public boolean acceptMultiPart() {
        return parameters.acceptMultiPart();
    }
}
