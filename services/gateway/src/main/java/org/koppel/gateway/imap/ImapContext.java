package org.koppel.gateway.imap;

import java.util.Objects;
import org.koppel.gateway.GatewayConfig;
import org.koppel.gateway.auth.Authenticator;
import org.koppel.gateway.imap.syntax.CommandLimits;
import org.koppel.gateway.mailbox.FolderSnapshots;
import org.koppel.gateway.mailbox.MessageTexts;

/**
 * What every IMAP session of a server shares: the settings, the authenticator (with its throttle), the caches of
 * message texts, their parsed structures and the folders last selected, the \\Recent marks, and the command
 * dispatch table.
 */
record ImapContext(GatewayConfig config, Authenticator authenticator, MessageTexts texts,
        StructureCache structures, FolderSnapshots snapshots, RecentWatermarks recent, CommandLimits limits,
        Commands commands) {

    ImapContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(structures, "structures");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(recent, "recent");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(commands, "commands");
    }
}
