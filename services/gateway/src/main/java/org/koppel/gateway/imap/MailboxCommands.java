package org.koppel.gateway.imap;

import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.mailbox.MailAccount;
import org.koppel.gateway.mailbox.Mailbox;

/** CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE (RFC 9051 6.3) and NAMESPACE (RFC 2342). */
final class MailboxCommands {

    CommandHandler<ImapCommand.Create> create() {
        return CommandHandler.of(Commands.AUTHENTICATED, (c, s) -> {
            if (!c.specialUse().isEmpty()) {
                // The well-known folders are the store's; a client cannot declare another one.
                s.fail(c.tag(), "USEATTR", "Special-use attributes belong to the store's own folders.");
                return;
            }
            if (MailAccount.normalize(c.mailbox()).equals(Mailbox.INBOX)) {
                s.fail(c.tag(), "ALREADYEXISTS", "INBOX always exists.");
                return;
            }
            Mailbox created = s.account().create(c.mailbox());
            s.context().recent().arrived(created.folder(), 1); // everything it will hold is new
            s.complete(c, "CREATE completed.");
        });
    }

    CommandHandler<ImapCommand.Delete> delete() {
        return CommandHandler.of(Commands.AUTHENTICATED, (c, s) -> {
            if (s.selected() != null && s.selected().mailbox().name().equals(MailAccount.normalize(c.mailbox()))) {
                s.unselect();
            }
            s.account().delete(c.mailbox());
            s.complete(c, "DELETE completed.");
        });
    }

    CommandHandler<ImapCommand.Rename> rename() {
        return CommandHandler.of(Commands.AUTHENTICATED, (c, s) -> {
            s.account().rename(c.from(), c.to());
            s.complete(c, "RENAME completed.");
        });
    }

    CommandHandler<ImapCommand.Subscribe> subscribe() {
        return CommandHandler.of(Commands.AUTHENTICATED, (c, s) -> {
            s.account().subscribe(c.mailbox());
            s.complete(c, "SUBSCRIBE completed.");
        });
    }

    CommandHandler<ImapCommand.Unsubscribe> unsubscribe() {
        return CommandHandler.of(Commands.AUTHENTICATED, (c, s) -> {
            s.account().unsubscribe(c.mailbox());
            s.complete(c, "UNSUBSCRIBE completed.");
        });
    }

    CommandHandler<ImapCommand.Namespace> namespace() {
        return CommandHandler.of(Commands.AUTHENTICATED, (c, s) -> {
            String shared = s.account().hasSharedNamespace()
                    ? "((" + s.out().string(MailAccount.PUBLIC_PREFIX + Mailbox.DELIMITER) + " \"/\"))" : "NIL";
            s.out().line("* NAMESPACE ((\"\" \"/\")) NIL " + shared);
            s.complete(c, "NAMESPACE completed.");
        });
    }
}
