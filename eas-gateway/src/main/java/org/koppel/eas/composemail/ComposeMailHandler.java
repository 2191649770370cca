package org.koppel.eas.composemail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendSession;
import org.koppel.backend.EmailAddress;
import org.koppel.backend.MailSubmission;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandParameters;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.CommonStatus;
import org.koppel.eas.command.LongId;
import org.koppel.eas.command.Outage;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceStateException;
import org.koppel.eas.state.DeviceStateStore;
import org.koppel.eas.state.SentMail;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlException;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SendMail, SmartReply and SmartForward ([MS-ASCMD] 2.2.1.17-19), one handler per command: the request in its
 * version's form (14.0+: WBXML; before: the MIME as the body, the rest in the query), the source resolved from
 * the device's ids or a LongId, a repeated ClientId answered from device state without sending again, and the
 * message handed to the backend's {@link MailSubmission}, which queues it for the spooler.
 */
public final class ComposeMailHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(ComposeMailHandler.class);
    /** A claim older than this belongs to a request that died: a repeat sends. */
    private static final long STALE_CLAIM_SECONDS = 300;

    private final Command command;
    private final CodePages pages;
    private final ComposeMailCodec codec;
    private final DeviceStateStore state;
    private final Outage outage;

    public ComposeMailHandler(Command command, CodePages pages, DeviceStateStore state, Outage outage) {
        if (command != Command.SEND_MAIL && command != Command.SMART_REPLY && command != Command.SMART_FORWARD) {
            throw new IllegalArgumentException("not a ComposeMail command: " + command);
        }
        this.command = command;
        this.pages = Objects.requireNonNull(pages, "pages");
        this.codec = new ComposeMailCodec(pages);
        this.state = Objects.requireNonNull(state, "state");
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        ProtocolVersion version = request.version();
        boolean wbxml = version.compareTo(ProtocolVersion.V14_0) >= 0;
        ComposeMailRequest compose;
        try {
            compose = wbxml ? decode(request.body(), version) : fromQuery(request.parameters(), request.body());
        } catch (Refused r) {
            LOG.debug("{} of {}: {}", command.wireName(), account, r.getMessage());
            return done(r.answer);
        }
        try (compose) {
            return done(send(account, request.session(), compose, version));
        } catch (BackendException.Unavailable e) {
            throw outage.of(e).orElseThrow();
        } catch (DeviceStateException.StorageFailure e) {
            throw outage.of(e).orElseThrow();
        }
    }

    private static CompletionStage<CommandResponse> done(CommandResponse r) {
        return CompletableFuture.completedFuture(r);
    }

    /** A request answered before anything is sent. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient CommandResponse answer;

        Refused(CommandResponse answer, String why) {
            super(why, null, false, false);
            this.answer = answer;
        }
    }

    private ComposeMailRequest decode(InputStream body, ProtocolVersion version) throws Refused {
        try {
            return codec.decodeRequest(new WbxmlReader(new BufferedInputStream(body), pages), version, command);
        } catch (DecodeException e) {
            if (sizeLimit(e)) {
                throw new Refused(new CommandResponse.Http(413), e.getMessage());
            }
            throw new Refused(status(e.reason() == DecodeException.Reason.MALFORMED
                    ? ComposeMailStatus.INVALID_WBXML : ComposeMailStatus.INVALID_XML, version), e.getMessage());
        } catch (WbxmlException e) {
            throw new Refused(e.isSizeLimit() ? new CommandResponse.Http(413)
                    : status(ComposeMailStatus.INVALID_WBXML, version), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sizeLimit(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof WbxmlException w && w.isSizeLimit()) {
                return true;
            }
        }
        return false;
    }

    /** Before 14.0: the body is the MIME (message/rfc822), the rest comes from the query. */
    private ComposeMailRequest fromQuery(CommandParameters p, InputStream body) throws Refused {
        Optional<ComposeMailRequest.Source> source = Optional.empty();
        if (command != Command.SEND_MAIL) {
            source = Optional.of(new ComposeMailRequest.Source(p.collectionId(), p.itemId(), p.longId(),
                    Optional.empty()));
        }
        Mime mime;
        try {
            mime = Mime.spool(body);
        } catch (IOException e) {
            // A body past max_request_size is RequestTooLargeException: the HTTP layer answers 413.
            throw new UncheckedIOException(e);
        }
        if (mime.length() == 0) {
            mime.close();
            throw new Refused(new CommandResponse.Http(400), "no MIME in the body");
        }
        return new ComposeMailRequest(command, Optional.empty(), Optional.empty(), p.saveInSent(), false, source,
                List.of(), mime);
    }

    private CommandResponse send(DeviceAccount account, BackendSession session, ComposeMailRequest r,
            ProtocolVersion version) {
        if (r.accountId().isPresent()) {
            // Only the user's own account sends here; Settings names no others.
            return status(ComposeMailStatus.INVALID_ACCOUNT_ID, version);
        }
        Optional<MailSubmission.Source> source = Optional.empty();
        if (r.source().isPresent()) {
            Resolved resolved = resolve(account, r.source().get());
            if (resolved.status().isPresent()) {
                return status(resolved.status().get(), version);
            }
            source = resolved.source();
        }
        Optional<String> clientId = r.clientId();
        if (clientId.isPresent()) {
            switch (state.sentMail().claim(account, clientId.get(), STALE_CLAIM_SECONDS)) {
                case SENT -> {
                    LOG.info("{} of {}: ClientId {} was sent already; not sent again", command.wireName(), account,
                            clientId.get());
                    // [MS-ASCMD] 2.2.2: 118 MessagePreviouslySent; before 14.0 there is no Status, only success.
                    return version.compareTo(ProtocolVersion.V14_0) >= 0
                            ? status(ComposeMailStatus.MESSAGE_PREVIOUSLY_SENT, version) : new CommandResponse.Empty();
                }
                case IN_PROGRESS -> {
                    return new CommandResponse.Status(CommonStatus.SERVER_ERROR_RETRY_LATER);
                }
                case NEW -> {
                }
            }
        }
        boolean queued = false;
        try {
            submit(session.mail(), r, source);
            queued = true;
        } catch (BackendException e) {
            if (e instanceof BackendException.Unavailable) {
                throw e;
            }
            return status(failure(e, account), version);
        } finally {
            if (clientId.isPresent()) {
                if (queued) {
                    state.sentMail().sent(account, clientId.get());
                } else {
                    state.sentMail().release(account, clientId.get());
                }
            }
        }
        return new CommandResponse.Empty();
    }

    private void submit(MailSubmission mail, ComposeMailRequest r, Optional<MailSubmission.Source> source) {
        MailSubmission.Options options = new MailSubmission.Options(r.replaceMime(), r.saveInSentItems());
        try (InputStream mime = r.mime().open()) {
            switch (command) {
                case SMART_REPLY -> mail.reply(source.orElseThrow(), mime, options);
                case SMART_FORWARD -> mail.forward(source.orElseThrow(), mime, options, r.forwardees().stream()
                        .map(f -> new EmailAddress(f.name(), f.email())).toList());
                default -> mail.send(mime, r.saveInSentItems());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ComposeMailStatus failure(BackendException e, DeviceAccount account) {
        ComposeMailStatus s = switch (e) {
            case BackendException.InvalidMessage m -> m.problem() == BackendException.InvalidMessage.Problem.NO_RECIPIENTS
                    ? ComposeMailStatus.MESSAGE_HAS_NO_RECIPIENT : ComposeMailStatus.INVALID_MIME;
            case BackendException.NotFound n -> command == Command.SEND_MAIL
                    ? ComposeMailStatus.MAIL_SUBMISSION_FAILED : ComposeMailStatus.ITEM_NOT_FOUND;
            case BackendException.QuotaExceeded q -> ComposeMailStatus.MAILBOX_QUOTA_EXCEEDED;
            case BackendException.AccessDenied d -> ComposeMailStatus.ACCESS_DENIED;
            default -> ComposeMailStatus.MAIL_SUBMISSION_FAILED;
        };
        if (s == ComposeMailStatus.MAIL_SUBMISSION_FAILED) {
            LOG.warn("{} of {} failed: {}", command.wireName(), account, e.toString());
        } else {
            LOG.debug("{} of {}: {} ({})", command.wireName(), account, s, e.getMessage());
        }
        return s;
    }

    /** The backend source, or the status that says why there is none. */
    private record Resolved(Optional<MailSubmission.Source> source, Optional<ComposeMailStatus> status) {
        static Resolved of(String folder, String item) {
            return new Resolved(Optional.of(new MailSubmission.Source(folder, item)), Optional.empty());
        }

        static Resolved refused(ComposeMailStatus status) {
            return new Resolved(Optional.empty(), Optional.of(status));
        }
    }

    private Resolved resolve(DeviceAccount account, ComposeMailRequest.Source s) {
        if (s.longId().isPresent()) {
            if (s.folderId().isPresent() || s.itemId().isPresent()) {
                return Resolved.refused(ComposeMailStatus.INVALID_COMBINATION_OF_IDS);
            }
            // A LongId this server did not hand out names nothing here.
            return LongId.parse(s.longId().get()).map(l -> Resolved.of(l.folderId(), l.itemId()))
                    .orElse(Resolved.refused(ComposeMailStatus.ITEM_NOT_FOUND));
        }
        if (s.folderId().isEmpty() || s.itemId().isEmpty()) {
            return Resolved.refused(ComposeMailStatus.INVALID_COMBINATION_OF_IDS);
        }
        return state.hierarchy().backendId(account, s.folderId().get())
                .map(folder -> Resolved.of(folder, s.itemId().get()))
                .orElse(Resolved.refused(ComposeMailStatus.ITEM_NOT_FOUND));
    }

    /** A failure: in 14.0+ the command's Status document, before it the HTTP status. */
    private CommandResponse status(ComposeMailStatus s, ProtocolVersion version) {
        if (version.compareTo(ProtocolVersion.V14_0) < 0) {
            return new CommandResponse.Http(s.httpBefore14());
        }
        return new CommandResponse.Wbxml(out -> codec.encodeStatus(new WbxmlWriter(out, pages, version), command, s));
    }
}
