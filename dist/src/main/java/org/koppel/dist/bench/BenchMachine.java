package org.koppel.dist.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a benchmark runs on, as far as its report needs to say how busy it was. */
final class BenchMachine {

    private BenchMachine() {
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, or "unknown" where there is none. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return fields.length < 3 ? "unknown" : fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** CPU time this benchmark process has used so far (its client side), in nanoseconds. */
    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
