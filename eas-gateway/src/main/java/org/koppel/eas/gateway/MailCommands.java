package org.koppel.eas.gateway;

import java.util.EnumMap;
import java.util.Map;
import org.koppel.backend.BackendSession;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.composemail.ComposeMailHandler;

/**
 * The commands that make a phone a complete mail client beyond Sync: sending, moving, fetching, searching,
 * settings and recipient resolution. Stateless handlers over the backend and device state; combine with
 * {@link EmailSyncCommands} through {@link EasGateway.HandlerFactory#and}.
 */
public final class MailCommands implements EasGateway.HandlerFactory {

    @Override
    public Map<Command, CommandHandler<BackendSession>> handlers(EasGateway.Context context) {
        Map<Command, CommandHandler<BackendSession>> handlers = new EnumMap<>(Command.class);
        handlers.put(Command.SEND_MAIL, composeMail(Command.SEND_MAIL, context));
        handlers.put(Command.SMART_REPLY, composeMail(Command.SMART_REPLY, context));
        handlers.put(Command.SMART_FORWARD, composeMail(Command.SMART_FORWARD, context));
        return handlers;
    }

    private static ComposeMailHandler composeMail(Command command, EasGateway.Context context) {
        return new ComposeMailHandler(command, context.pages(), context.state(), context.outage());
    }
}
