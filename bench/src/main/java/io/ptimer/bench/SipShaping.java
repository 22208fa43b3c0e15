package io.ptimer.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part {@code sip}: the samples' SIP shaping demo ({@code io.ptimer.samples.sip.SipDemo}, the
 * flood of {@code ./run-sample sip}) run back to back with the agent's ShapingProxy and with
 * Kamailio itself running the ptimer module's admin guide's global shaping example
 * ({@code samples/kamailio/global-shaping.cfg}), each in processes of its own; the figures are the
 * demo's {@code figures sip} line, measured from SIPp's traces of both.
 */
final class SipShaping {
    static final String KAMAILIO_ROW = "Kamailio, the admin guide's global shaping (samples/kamailio/global-shaping.cfg)";
    static final String PTIMER_ROW = "ShapingProxy with the agent (samples/config/sip-shaping.cfg)";
    private static final int RATE = 400;
    private static final int LIMIT = 100;

    private SipShaping() {
    }

    /** Runs the part and adds its table, or one line saying why it was skipped, to the report. */
    static void report(Path agent, Options options, Path out, Report report) throws IOException, InterruptedException {
        Path samples = options.samples.toAbsolutePath();
        String title = String.format(Locale.ROOT, "SIP shaping: %,d calls at %d CPS from SIPp, contract %d CPS at the"
                + " carrier", options.sipCalls, RATE, LIMIT);
        String skipped = DemoRun.unavailable(samples);
        if (skipped != null) {
            report.skipped(title, skipped);
            return;
        }
        Kamailio kamailio = Kamailio.at(options.kamailio);
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(PTIMER_ROW, run("ptimer", agent, samples, options, out)));
        String absent = Kamailio.unavailable(kamailio);
        rows.add(absent != null ? skippedRow(KAMAILIO_ROW, absent)
                : row(KAMAILIO_ROW, run("kamailio", agent, samples, options, out)));
        report.table(title, List.of("proxy", "offered", "completed with 200", "failed (SIPp)", "most INVITEs in any 1 s",
                "most in any 100 ms", "rate while backlogged", "INVITE to 200 p50 / p99 / max ms"), rows);
    }

    /** The demo's figures for one shaper. */
    private static Map<String, String> run(String shaper, Path agent, Path samples, Options options, Path out)
            throws IOException, InterruptedException {
        System.err.printf(Locale.ROOT, "bench: sip, %s: %,d calls at %d CPS%n", shaper, options.sipCalls, RATE);
        Path dir = Files.createDirectories(out.resolve("sip-" + shaper));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", samples.resolve("target/classes") + File.pathSeparator + samples.resolve("target/lib/*"),
                "io.ptimer.samples.sip.SipDemo", "--shaper", shaper, "--calls", String.valueOf(options.sipCalls),
                "--rate", String.valueOf(RATE), "--limit", String.valueOf(LIMIT), "--ports", "auto",
                "--agent", agent.toString(), "--config", samples.resolve("config/sip-shaping.cfg").toString(),
                "--classpath", samples.resolve("target/classes") + File.pathSeparator + samples.resolve("target/lib/*"),
                "--out", dir.toString()));
        if (shaper.equals("kamailio")) {
            cmd.addAll(List.of("--kamailio", options.kamailio.toAbsolutePath().toString(), "--kamailio-config",
                    samples.resolve("kamailio/global-shaping.cfg").toString()));
        }
        return DemoRun.figures(cmd, dir, "sip", "the SIP demo with " + shaper, options.sipCalls / LIMIT * 2L + 120);
    }

    private static List<String> row(String proxy, Map<String, String> f) {
        return List.of(proxy, f.get("offered"), f.get("completed"), f.get("failed"), f.get("max_1s"), f.get("max_100ms"),
                f.get("backlog_rate").equals("NaN") ? "no backlog"
                        : f.get("backlog_rate") + "/s over " + f.get("backlog_s") + " s",
                f.get("answer_p50_ms") + " / " + f.get("answer_p99_ms") + " / " + f.get("answer_max_ms"));
    }

    private static List<String> skippedRow(String proxy, String why) {
        return List.of(proxy, "skipped: " + why, "", "", "", "", "", "");
    }
}
