package org.koppel.eas.gateway;

import java.util.EnumMap;
import java.util.Map;
import org.koppel.backend.BackendSession;
import org.koppel.eas.command.Command;
import org.koppel.eas.attachment.GetAttachmentHandler;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.itemoperations.ItemOperationsHandler;
import org.koppel.eas.move.MoveItemsHandler;
import org.koppel.eas.composemail.ComposeMailHandler;
import org.koppel.eas.find.FindHandler;
import org.koppel.eas.resolve.ResolveRecipientsHandler;
import org.koppel.eas.search.MailboxSearchRunner;
import org.koppel.eas.search.SearchHandler;
import org.koppel.eas.meetingresponse.MeetingResponseHandler;
import org.koppel.eas.settings.SettingsHandler;
import org.koppel.eas.state.SecretSeal;
import org.koppel.eas.validatecert.CertificateValidator;
import org.koppel.eas.validatecert.ValidateCertHandler;

/**
 * The commands that make a phone a complete mail client beyond Sync: sending, moving, fetching, searching,
 * settings and recipient resolution. Stateless handlers over the backend and device state; combine with
 * {@link EmailSyncCommands} through {@link EasGateway.HandlerFactory#and}.
 */
public final class MailCommands implements EasGateway.HandlerFactory {

    @Override
    public Map<Command, CommandHandler<BackendSession>> handlers(EasGateway.Context context) {
        Map<Command, CommandHandler<BackendSession>> handlers = new EnumMap<>(Command.class);
        handlers.put(Command.MOVE_ITEMS, new MoveItemsHandler(context.pages(), context.state(), context.outage()));
        handlers.put(Command.ITEM_OPERATIONS, new ItemOperationsHandler(context.pages(), context.state(),
                context.outage()));
        handlers.put(Command.GET_ATTACHMENT, new GetAttachmentHandler(context.outage()));
        handlers.put(Command.SEND_MAIL, composeMail(Command.SEND_MAIL, context));
        handlers.put(Command.SMART_REPLY, composeMail(Command.SMART_REPLY, context));
        handlers.put(Command.SMART_FORWARD, composeMail(Command.SMART_FORWARD, context));
        MailboxSearchRunner mailbox = new MailboxSearchRunner(context.state().hierarchy(),
                context.config().searchTimeLimit());
        handlers.put(Command.SEARCH, new SearchHandler(context.pages(), mailbox, context.outage()));
        handlers.put(Command.FIND, new FindHandler(context.pages(), mailbox, context.outage()));
        handlers.put(Command.RESOLVE_RECIPIENTS, new ResolveRecipientsHandler(context.pages(), context.outage()));
        EasConfig config = context.config();
        handlers.put(Command.SETTINGS, new SettingsHandler(context.state().devices(),
                SecretSeal.fromKeyFile(config.devicePasswordKeyFile()), context.pages()));
        handlers.put(Command.VALIDATE_CERT, new ValidateCertHandler(CertificateValidator.fromTrustStore(
                config.validateCertTrustStore(), config.validateCertTrustStorePassword(), context.clock()),
                context.pages()));
        handlers.put(Command.MEETING_RESPONSE, new MeetingResponseHandler(context.pages()));
        return handlers;
    }

    private static ComposeMailHandler composeMail(Command command, EasGateway.Context context) {
        return new ComposeMailHandler(command, context.pages(), context.state(), context.outage());
    }
}
