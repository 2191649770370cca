package org.koppel.eas.gateway;

import java.util.EnumMap;
import java.util.Map;
import org.koppel.backend.BackendSession;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.find.FindHandler;
import org.koppel.eas.resolve.ResolveRecipientsHandler;
import org.koppel.eas.search.MailboxSearchRunner;
import org.koppel.eas.search.SearchHandler;

/**
 * The commands that make a phone a complete mail client beyond Sync: sending, moving, fetching, searching,
 * settings and recipient resolution. Stateless handlers over the backend and device state; combine with
 * {@link EmailSyncCommands} through {@link EasGateway.HandlerFactory#and}.
 */
public final class MailCommands implements EasGateway.HandlerFactory {

    @Override
    public Map<Command, CommandHandler<BackendSession>> handlers(EasGateway.Context context) {
        Map<Command, CommandHandler<BackendSession>> handlers = new EnumMap<>(Command.class);
        MailboxSearchRunner mailbox = new MailboxSearchRunner(context.state().hierarchy(),
                context.config().searchTimeLimit());
        handlers.put(Command.SEARCH, new SearchHandler(context.pages(), mailbox, context.outage()));
        handlers.put(Command.FIND, new FindHandler(context.pages(), mailbox, context.outage()));
        handlers.put(Command.RESOLVE_RECIPIENTS, new ResolveRecipientsHandler(context.pages(), context.outage()));
        return handlers;
    }
}
