package org.koppel.dist.bench;

import java.util.concurrent.Callable;
import org.koppel.dist.KoppelVersion;
import org.koppel.store.core.notify.LatencyFigures;
import org.koppel.store.core.notify.NotificationLatencyProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code koppel bench notifications}: latency from the hand-over of a committed transaction's events to
 * the listeners that subscribed to them, with many subscribers (the engine publishes right after commit).
 */
@Command(name = "notifications", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "Notification latency from publish (right after commit) to listener, with many subscribers.")
final class NotificationBenchCommand implements Callable<Integer> {

    @Option(names = "--subscribers", defaultValue = "10000", paramLabel = "N",
            description = "Subscriptions: 9 in 10 on a folder of their own, 1 in 10 on the whole store. Default: ${DEFAULT-VALUE}.")
    int subscribers;

    @Option(names = "--events", defaultValue = "1000", paramLabel = "N",
            description = "New-mail events measured, one at a time. Default: ${DEFAULT-VALUE}.")
    int events;

    @Override
    public Integer call() {
        if (subscribers < 1 || events < 1) {
            System.err.println("koppel bench notifications: --subscribers and --events must be positive");
            return 2;
        }
        LatencyFigures f = NotificationLatencyProbe.measure(subscribers, events);
        System.out.printf("Koppel notification benchmark: Java %s, %d CPUs%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("subscribers %d, events %d (each reaches its folder's subscribers and every store-wide one)%n",
                f.subscribers(), f.events());
        System.out.printf("publish-to-listener latency: p50 %.0f µs, p99 %.0f µs%n", f.p50Micros(), f.p99Micros());
        return 0;
    }
}
