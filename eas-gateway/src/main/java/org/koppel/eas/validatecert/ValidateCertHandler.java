package org.koppel.eas.validatecert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.BackendSession;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ValidateCert command (MS-ASCMD 2.2.1.22): each certificate of the request validated against the gateway's
 * trust store, with the chain the device sent, and its status in the answer. A certificate that cannot be read
 * is "chain not built correctly" (5); a request that is not a ValidateCert document gets Status 2.
 */
public final class ValidateCertHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(ValidateCertHandler.class);

    private final CertificateValidator validator;
    private final CodePages pages;
    private final ValidateCertCodec codec;

    public ValidateCertHandler(CertificateValidator validator, CodePages pages) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.codec = new ValidateCertCodec(pages);
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        ProtocolVersion version = request.version();
        ValidateCertRequest req;
        try {
            req = codec.decodeRequest(new WbxmlReader(request.body(), pages), version);
        } catch (DecodeException e) {
            LOG.debug("ValidateCert of {}: {}", request.user(), e.getMessage());
            return answer(version, new ValidateCertResponse(ValidateCertStatus.PROTOCOL_ERROR, List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (String c : req.chain()) {
            CertificateValidator.parse(c).ifPresent(chain::add); // an unreadable one cannot be on any path
        }
        List<ValidateCertStatus> statuses = new ArrayList<>();
        for (String c : req.certificates()) {
            Optional<X509Certificate> cert = CertificateValidator.parse(c);
            statuses.add(cert.map(x -> validator.validate(x, chain, req.checkCrl()))
                    .orElse(ValidateCertStatus.CHAIN_INVALID));
        }
        return answer(version, new ValidateCertResponse(ValidateCertStatus.SUCCESS, statuses));
    }

    private CompletionStage<CommandResponse> answer(ProtocolVersion version, ValidateCertResponse response) {
        return CompletableFuture.completedFuture(new CommandResponse.Wbxml(
                out -> codec.encodeResponse(new WbxmlWriter(out, pages, version), response)));
    }
}
