package org.koppel.gateway.imap;

import java.io.IOException;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.mailbox.MailAccount;
import org.koppel.store.client.QuotaStatus;

/**
 * GETQUOTA and GETQUOTAROOT (RFC 9208) from the store's quota: one root, "", for the user's whole store, its
 * STORAGE resource in KiB against the hard limit (or, without one, the soft limit). SETQUOTA is an
 * administrator's job (koppel admin) and is not offered.
 */
final class QuotaCommands {

    CommandHandler<ImapCommand.GetQuota> getQuota() {
        return CommandHandler.of(Commands.AUTHENTICATED, (c, s) -> {
            if (!c.root().isEmpty()) {
                s.fail(c.tag(), "NONEXISTENT", "No such quota root.");
                return;
            }
            quota(s);
            s.complete(c, "GETQUOTA completed.");
        });
    }

    CommandHandler<ImapCommand.GetQuotaRoot> getQuotaRoot() {
        return CommandHandler.of(Commands.AUTHENTICATED, (c, s) -> {
            if (s.account().find(c.mailbox()).isEmpty()) {
                s.fail(c.tag(), "NONEXISTENT", "No such mailbox.");
                return;
            }
            s.out().line("* QUOTAROOT " + s.out().mailbox(MailAccount.normalize(c.mailbox())) + " \"\"");
            quota(s);
            s.complete(c, "GETQUOTAROOT completed.");
        });
    }

    private static void quota(ImapSession s) throws IOException {
        QuotaStatus q = s.account().session().quotas().status(s.account().session().user().login());
        long limit = q.quota().hardBytes() > 0 ? q.quota().hardBytes() : q.quota().softBytes();
        if (limit > 0) {
            s.out().line("* QUOTA \"\" (STORAGE " + (q.usedBytes() + 1023) / 1024 + " " + limit / 1024 + ")");
        } else {
            s.out().line("* QUOTA \"\" ()");
        }
    }
}
