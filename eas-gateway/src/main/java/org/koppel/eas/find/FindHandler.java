package org.koppel.eas.find;

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
import org.koppel.backend.BodyPreference;
import org.koppel.backend.BodyType;
import org.koppel.backend.EmailItem;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.CommonStatus;
import org.koppel.eas.command.Outage;
import org.koppel.eas.email.FindSummary;
import org.koppel.eas.search.MailboxSearchRunner;
import org.koppel.eas.search.Range;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceStateException;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Find command (MS-ASCMD 2.2.1.2, 16.1 only): a mailbox query through the same {@link MailboxSearchRunner}
 * as Search, with the summary properties and a Preview of the body. A GAL Find answers common status 137
 * (not supported) until the GAL grows the fields Find shows; a Range that does not start at 0 answers 4.
 */
public final class FindHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(FindHandler.class);
    /** The plain-text preview Find results carry (MS-ASCMD: up to 255 characters). */
    private static final List<BodyPreference> PREVIEW = List.of(BodyPreference.truncated(BodyType.PLAIN_TEXT, 0)
            .withPreview(BodyPreference.MAX_PREVIEW));

    private final CodePages pages;
    private final FindCodec codec;
    private final MailboxSearchRunner mailbox;
    private final Outage outage;

    public FindHandler(CodePages pages, MailboxSearchRunner mailbox, Outage outage) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.codec = new FindCodec(pages);
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        ProtocolVersion version = request.version();
        CommandResponse response;
        try {
            FindRequest find = codec.decodeRequest(new WbxmlReader(new BufferedInputStream(request.body()), pages),
                    version);
            response = find.gal().isPresent() ? wbxml(new FindResponse<>(FindStatus.COMMAND_NOT_SUPPORTED,
                    Optional.empty()), version) : mailbox(account, request.session(), find, version);
        } catch (DecodeException e) {
            LOG.debug("Find of {}: {}", account, e.getMessage());
            response = wbxml(new FindResponse<>(FindStatus.INVALID_REQUEST, Optional.empty()), version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BackendException.Unavailable | DeviceStateException.StorageFailure e) {
            throw outage.of(e).orElseThrow();
        }
        return CompletableFuture.completedFuture(response);
    }

    private CommandResponse wbxml(FindResponse<ApplicationDataWriter> r, ProtocolVersion version) {
        return new CommandResponse.Wbxml(out -> codec.encodeResponse(new WbxmlWriter(out, pages, version), r));
    }

    private CommandResponse mailbox(DeviceAccount account, BackendSession session, FindRequest find,
            ProtocolVersion version) {
        Range range = find.range().orElse(Range.DEFAULT);
        if (range.first() != 0) {
            return wbxml(new FindResponse<>(FindStatus.SUCCESS, Optional.of(new FindResponse.Response<>("Mailbox",
                    FindStatus.START_WITH_RANGE_ZERO, List.of(), Optional.empty(), Optional.empty()))), version);
        }
        MailboxSearchRunner.Outcome o = mailbox.run(account, session, find.mailbox().get(), find.deepTraversal(), range,
                PREVIEW);
        return switch (o.status()) {
            case SUCCESS -> {
                List<FindResponse.Result<ApplicationDataWriter>> results = new ArrayList<>();
                for (MailboxSearchRunner.Found f : o.hits()) {
                    if (f.item() instanceof EmailItem m) {
                        results.add(new FindResponse.Result<>("Email", f.itemId(), f.collectionId(),
                                FindSummary.of(m)));
                    }
                }
                yield wbxml(new FindResponse<>(FindStatus.SUCCESS, Optional.of(new FindResponse.Response<>("Mailbox",
                        FindStatus.SUCCESS, results,
                        results.isEmpty() ? Optional.empty() : Optional.of(Range.of(0, results.size())),
                        Optional.of(o.total())))), version);
            }
            case FOLDER_SYNC_REQUIRED -> wbxml(new FindResponse<>(FindStatus.FOLDER_SYNC_REQUIRED, Optional.empty()),
                    version);
            case INVALID_REQUEST, TOO_COMPLEX -> wbxml(new FindResponse<>(FindStatus.INVALID_REQUEST, Optional.empty()),
                    version);
            // Find has no timed-out or server-error status of its own: the common ones of 2.2.2.
            case TIMED_OUT -> new CommandResponse.Status(CommonStatus.SERVER_ERROR_RETRY_LATER);
            default -> new CommandResponse.Status(CommonStatus.SERVER_ERROR);
        };
    }
}
