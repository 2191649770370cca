package org.koppel.eas.gateway;

import java.util.EnumMap;
import java.util.Map;
import org.koppel.backend.BackendSession;
import org.koppel.eas.command.Command;
import org.koppel.eas.attachment.GetAttachmentHandler;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.itemoperations.ItemOperationsHandler;
import org.koppel.eas.move.MoveItemsHandler;

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
        return handlers;
    }
}
