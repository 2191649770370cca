package org.koppel.eas.gateway;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.koppel.backend.BackendSession;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.email.EmailSyncContent;
import org.koppel.eas.estimate.GetItemEstimateHandler;
import org.koppel.eas.ping.PingHandler;
import org.koppel.eas.ping.PingLimits;
import org.koppel.eas.push.PushWaits;
import org.koppel.eas.sync.SyncHandler;
import org.koppel.eas.sync.SyncLimits;

/**
 * Sync (email), GetItemEstimate and Ping for {@link EasGateway#start}, sharing one registry of waiting
 * devices and one heartbeat timer thread. Close it after the gateway to stop the timer.
 */
public final class EmailSyncCommands implements EasGateway.HandlerFactory, AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("eas-heartbeat").unstarted(r));
    private final PushWaits waits = new PushWaits(timer);

    @Override
    public Map<Command, CommandHandler<BackendSession>> handlers(EasGateway.Context context) {
        EasConfig c = context.config();
        SyncLimits sync = new SyncLimits(c.maxWindowSize(), Math.min(100, c.maxWindowSize()), c.pingMinHeartbeat(),
                c.pingMaxHeartbeat(), c.syncMaxCollections());
        PingLimits ping = new PingLimits(c.pingMinHeartbeat(), c.pingMaxHeartbeat(), c.pingMaxFolders());
        return Map.of(
                Command.SYNC, new SyncHandler<>(context.pages(), new EmailSyncContent(), context.state(), waits, sync,
                        context.outage()),
                Command.GET_ITEM_ESTIMATE, new GetItemEstimateHandler(context.pages(), context.state(), context.outage()),
                Command.PING, new PingHandler(context.pages(), context.state(), waits, ping, context.outage()));
    }

    /** The devices waiting now (Ping and heartbeat Sync). */
    public int waiting() {
        return waits.waiting();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
