package io.ptimer.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Markdown tables of the measurements, printed as they come and kept for {@code report.md}. */
final class Report {
    private final StringBuilder text = new StringBuilder();

    void line(String line) {
        System.out.println(line);
        System.out.flush();
        text.append(line).append('\n');
    }

    void table(String title, List<String> header, List<List<String>> rows) {
        line("");
        line("### " + title);
        line("");
        line("| " + String.join(" | ", header) + " |");
        line("|" + " --- |".repeat(header.size()));
        for (List<String> row : rows) {
            line("| " + String.join(" | ", row) + " |");
        }
    }

    /** A part's heading and one line saying why it did not run. */
    void skipped(String title, String why) {
        line("");
        line("### " + title);
        line("");
        line("Skipped: " + why + ".");
    }

    String text() {
        return text.toString();
    }

    static List<String> latenessHeader() {
        return List.of("runner", "loops", "p50 µs", "p99 µs", "p99.9 µs", "max µs", "overruns", "drift µs (worst run)",
                "CPU ms / 1,000 loops", "CPU % of a core", "agent's own p50 / p99 µs");
    }

    static List<String> latenessRow(String runner, Result r) {
        Histogram h = r.histogram();
        return List.of(runner, String.format(Locale.ROOT, "%,d", r.loops()), micros(h.getValueAtPercentile(50)),
                micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()),
                String.format(Locale.ROOT, "%,d", r.overruns()) + (r.early() == 0 ? ""
                        : String.format(Locale.ROOT, " (%,d began early)", r.early())),
                micros(r.drift()),
                number(r.cpuMillisPer1000()), number(r.cpuPercent()),
                r.engineP50Us() < 0 ? "" : r.engineP50Us() + " / " + r.engineP99Us());
    }

    static List<String> skippedRow(String runner, String why) {
        return List.of(runner, "skipped: " + why, "", "", "", "", "", "", "", "", "");
    }

    static List<String> startupHeader() {
        return List.of("launch", "median", "range", "runs", "above the no-op agent");
    }

    /** One row per variant; the last column is its median less the no-op agent's. */
    static List<List<String>> startupRows(Map<String, Startup.Times> times) {
        double noOp = times.get(Startup.NO_OP).median();
        return times.values().stream().map(t -> t.skipped() != null
                ? List.of(t.label(), "skipped: " + t.skipped(), "", "", "")
                : List.of(t.label(), number(t.median()), range(t.ms()), Integer.toString(t.ms().size()),
                        number(t.median() - noOp))).toList();
    }

    static List<List<String>> controlRows(Control.Latencies latencies) {
        return latencies.first().entrySet().stream().map(e -> {
            Histogram h = latencies.byOperation().getOrDefault(e.getKey(), Result.empty().histogram());
            return List.of(e.getKey(), micros(e.getValue()), micros(h.getValueAtPercentile(50)),
                    micros(h.getValueAtPercentile(99)), micros(h.getMaxValue()), Long.toString(h.getTotalCount() + 1));
        }).toList();
    }

    static List<String> shapingRow(Shaping.Outcome o) {
        return List.of(o.shaper(), String.format(Locale.ROOT, "%,d", o.calls()),
                String.format(Locale.ROOT, "%,d", o.most100ms()),
                String.format(Locale.ROOT, "%,d", o.most1s()), number(o.backloggedRate()), number(o.drainSeconds()));
    }

    static String micros(long nanos) {
        return number(nanos / 1000.0);
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String format = a == 0 ? "%.0f" : a < 10 ? "%.2f" : a < 1000 ? "%.1f" : "%,.0f";
        return String.format(Locale.ROOT, format, v);
    }

    private static String range(List<Double> values) {
        return number(values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)) + " – "
                + number(values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }
}
