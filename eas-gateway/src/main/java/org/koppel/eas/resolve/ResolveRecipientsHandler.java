package org.koppel.eas.resolve;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendSession;
import org.koppel.backend.GlobalAddressList;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.Outage;
import org.koppel.eas.search.PictureStatus;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ResolveRecipients command (MS-ASCMD 2.2.1.15): each To is looked up in the backend's
 * {@link GlobalAddressList} (an exact address or alias is one person, a name prefix may be several, capped at
 * MaxAmbiguousRecipients). Nothing here keeps certificates, free/busy data (there are no calendars yet) or
 * pictures, so a resolved recipient that asks for them gets "no valid certificate", "free/busy unavailable"
 * and "no picture".
 */
public final class ResolveRecipientsHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(ResolveRecipientsHandler.class);
    /** MaxAmbiguousRecipients when the request names none, and the most ever listed. */
    static final int DEFAULT_AMBIGUOUS = 20;
    static final int MAX_AMBIGUOUS = 100;

    private final CodePages pages;
    private final ResolveRecipientsCodec codec;
    private final Outage outage;

    public ResolveRecipientsHandler(CodePages pages, Outage outage) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.codec = new ResolveRecipientsCodec(pages);
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        ProtocolVersion version = request.version();
        ResolveRecipientsResponse response;
        try {
            ResolveRecipientsRequest r = codec.decodeRequest(new WbxmlReader(new BufferedInputStream(request.body()),
                    pages), version);
            response = resolve(request.session(), r);
        } catch (DecodeException e) {
            LOG.debug("ResolveRecipients of {}: {}", request.user(), e.getMessage());
            response = new ResolveRecipientsResponse(ResolveRecipientsStatus.PROTOCOL_ERROR, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BackendException.Unavailable e) {
            throw outage.of(e).orElseThrow();
        } catch (BackendException e) {
            LOG.warn("ResolveRecipients of {} failed: {}", request.user(), e.getMessage());
            response = new ResolveRecipientsResponse(ResolveRecipientsStatus.SERVER_ERROR, List.of());
        }
        ResolveRecipientsResponse out = response;
        return CompletableFuture.completedFuture(new CommandResponse.Wbxml(
                o -> codec.encodeResponse(new WbxmlWriter(o, pages, version), out)));
    }

    private ResolveRecipientsResponse resolve(BackendSession session, ResolveRecipientsRequest r) {
        Optional<GlobalAddressList> gal = session.globalAddressList();
        if (gal.isEmpty()) {
            return new ResolveRecipientsResponse(ResolveRecipientsStatus.SERVER_ERROR, List.of());
        }
        int max = Math.min(MAX_AMBIGUOUS, r.maxAmbiguousRecipients().orElse(DEFAULT_AMBIGUOUS));
        List<ResolveRecipientsResponse.Response> responses = new ArrayList<>();
        for (String to : r.to()) {
            List<GlobalAddressList.Entry> found = gal.get().resolve(to, MAX_AMBIGUOUS + 1);
            ResolveRecipientsStatus status;
            List<ResolveRecipientsResponse.Recipient> recipients = new ArrayList<>();
            if (found.isEmpty()) {
                status = ResolveRecipientsStatus.NOT_RESOLVED;
            } else if (found.size() == 1) {
                status = ResolveRecipientsStatus.SUCCESS;
                recipients.add(resolved(found.get(0), r));
            } else {
                status = found.size() > max ? ResolveRecipientsStatus.AMBIGUOUS_PARTIAL
                        : ResolveRecipientsStatus.AMBIGUOUS;
                // Suggestions carry names and addresses only: no certificates for an ambiguous recipient.
                for (GlobalAddressList.Entry e : found.subList(0, Math.min(max, found.size()))) {
                    recipients.add(new ResolveRecipientsResponse.Recipient(ResolveRecipientsResponse.Recipient.GAL,
                            e.displayName(), e.email(), Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.empty()));
                }
            }
            responses.add(new ResolveRecipientsResponse.Response(to, status, recipients));
        }
        return new ResolveRecipientsResponse(ResolveRecipientsStatus.SUCCESS, responses);
    }

    private static ResolveRecipientsResponse.Recipient resolved(GlobalAddressList.Entry e, ResolveRecipientsRequest r) {
        boolean certificates = r.certificateRetrieval().orElse(1) > 1;
        return new ResolveRecipientsResponse.Recipient(ResolveRecipientsResponse.Recipient.GAL, e.displayName(),
                e.email(),
                r.availability().map(a -> ResolveRecipientsStatus.FREE_BUSY_UNAVAILABLE),
                certificates ? Optional.of(ResolveRecipientsStatus.NO_VALID_CERTIFICATE) : Optional.empty(),
                certificates ? Optional.of(0) : Optional.empty(),
                r.picture().map(p -> PictureStatus.NO_PICTURE));
    }
}
