package io.ptimer.samples.sip;

import io.ptimer.samples.calls.BacklogRate;
import io.ptimer.samples.calls.Relayed;
import io.ptimer.samples.calls.WindowMeter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a demo run showed, from the carrier's trace of arriving INVITEs, the customer's trace and
 * statistics, and the proxy's counts; and whether the contract held: at most the limit in any
 * 1 s window of arrivals, at least {@value #BACKLOG_SHARE} of it while calls were queued, every
 * call completed with a 200. A proxy without counts of its own (Kamailio) is judged by the traces
 * alone: an arrival was backlogged when a call offered before it had not arrived yet.
 */
final class DemoReport extends Report {
    static final double BACKLOG_SHARE = 0.97;


    /**
     * @param proxy the words of the proxy's {@code figures proxy} line
     * @param successful SIPp's count of successful calls, -1 if unknown
     * @param failed SIPp's count of failed calls, -1 if unknown
     * @param answerMicros each completed call's time from INVITE to 200 at the customer, sorted
     */
    DemoReport(int limit, int calls, SippTrace offered, SippTrace arrived, Map<String, String> proxy, long successful,
            long failed, int customerExit, long[] answerMicros) {
        super(44, 16);
        WindowMeter second = new WindowMeter(1, TimeUnit.SECONDS);
        WindowMeter tenth = new WindowMeter(100, TimeUnit.MILLISECONDS);
        for (long t : arrived.callMicros()) {
            second.add(t * 1000);
            tenth.add(t * 1000);
        }
        boolean counted = proxy.containsKey("backlog_from_us");
        long from = num(proxy, "backlog_from_us");
        long to = num(proxy, "backlog_to_us");
        BacklogRate backlog = new BacklogRate(1.0);
        long[] arrivals = arrived.callMicros();
        long[] offers = offered.callMicros();
        int offeredBefore = 0;
        for (int i = 0; i < arrivals.length; i++) {
            long t = arrivals[i];
            while (offeredBefore < offers.length && offers[offeredBefore] <= t) {
                offeredBefore++;
            }
            boolean backlogged = counted ? t >= from && t <= to : offeredBefore > i + 1;
            if (!counted && backlogged) {
                from = from < 0 ? t : from;
                to = t;
            }
            if (!counted || backlogged) {
                backlog.add(new Relayed(t * 1000, t * 1000, "carrier", backlogged));
            }
        }
        backlog.close();
        double rate = backlog.lowest();

        row("calls offered by the customer (SIPp uac)", String.valueOf(offered.calls()), "", true);
        row("relayed by the proxy", proxy.getOrDefault("relayed", "?"), "", true);
        row("arrived at the carrier (SIPp uas)", String.valueOf(arrived.calls()), "", true);
        row("completed with 200 at the customer", String.valueOf(successful), "= " + calls, successful == calls);
        row("failed calls (SIPp's count)", String.valueOf(failed), "0", failed == 0 && customerExit == 0);
        if (proxy.isEmpty()) {
            row("answered with an error by the proxy", "(no counts from the proxy)", "", true);
        } else {
            row("answered with an error by the proxy", proxy.getOrDefault("errors", "?")
                    + " (queue timeout " + proxy.getOrDefault("queue_timeout", "?") + ")", "0", num(proxy, "errors") == 0);
        }
        row("INVITE retransmissions customer / carrier", offered.retransmissions() + " / " + arrived.retransmissions(), "", true);
        row("most INVITEs at the carrier in any 1 s", String.valueOf(second.max()), "<= " + limit, second.max() <= limit);
        row("most INVITEs at the carrier in any 100 ms", String.valueOf(tenth.max()), "(" + limit / 10 + " per step)", true);
        if (Double.isNaN(rate)) {
            row("rate at the carrier while backlogged", "no backlog", "a backlog of >= 1 s", false);
        } else {
            row("rate at the carrier while backlogged", String.format(Locale.ROOT, "%.1f/s over %.1f s", rate, (to - from) / 1e6),
                    String.format(Locale.ROOT, ">= %.0f/s (%.0f%%)", BACKLOG_SHARE * limit, BACKLOG_SHARE * 100),
                    rate >= BACKLOG_SHARE * limit);
        }
        double p50 = percentileMillis(answerMicros, 50);
        double p99 = percentileMillis(answerMicros, 99);
        double max = percentileMillis(answerMicros, 100);
        row("INVITE to 200 at the customer, p50 / p99 / max", String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms", p50, p99, max),
                "", true);
        words(String.format(Locale.ROOT,
                "offered=%d arrived=%d completed=%d failed=%d errors=%d relayed=%d proxy_completed=%d open=%d max_1s=%d max_100ms=%d backlog_rate=%.1f backlog_s=%.1f customer_exit=%d answer_p50_ms=%.1f answer_p99_ms=%.1f answer_max_ms=%.1f",
                offered.calls(), arrived.calls(), successful, failed, num(proxy, "errors"), num(proxy, "relayed"),
                num(proxy, "completed"), num(proxy, "open"), second.max(), tenth.max(), rate,
                (to - from) / 1e6, customerExit, p50, p99, max));
    }

    /** The {@code percentile} of sorted µs values, in ms (the nearest rank); NaN for none. */
    private static double percentileMillis(long[] sortedMicros, double percentile) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100 * sortedMicros.length);
        return sortedMicros[Math.max(0, rank - 1)] / 1000.0;
    }
}
