package org.koppel.dist.bench;

import java.io.PrintStream;
import java.util.List;

/** Prints benchmark results as a fixed-width text table (Markdown-compatible, so it pastes into docs). */
final class ResultTable {

    void print(PrintStream out, List<String> header, List<BenchResult> results) {
        header.forEach(out::println);
        out.println();
        int nameWidth = Math.max(9, results.stream().mapToInt(r -> r.name().length()).max().orElse(9));
        String row = "| %-" + nameWidth + "s | %9s | %10s | %10s | %10s | %10s |%n";
        out.printf(row, "benchmark", "ops", "ops/s", "p50 µs", "p90 µs", "p99 µs");
        out.printf(row, "-".repeat(nameWidth), "-".repeat(9), "-".repeat(10), "-".repeat(10), "-".repeat(10), "-".repeat(10));
        for (BenchResult r : results) {
            out.printf(row, r.name(), r.operations(), format(r.perSecond()), format(r.p50Micros()),
                    format(r.p90Micros()), format(r.p99Micros()));
        }
        out.flush();
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.1f", v);
    }
}
