package io.ptimer.samples.shaping;

import io.ptimer.samples.calls.BacklogRate;
import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.calls.CallSource;
import io.ptimer.samples.calls.Relayed;
import io.ptimer.samples.calls.Upstream;
import io.ptimer.samples.calls.WindowGuard;
import io.ptimer.samples.calls.WindowMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One shaped stream of calls (callers, queue, upstream) and what was measured of it: every relay
 * the upstream logged goes through sliding-window meters of 1 s and 100 ms, and a backlog-rate
 * estimate. Rows and the outcome are computed from those relays only.
 */
final class ShapedStream {
    private final String name;
    private final CallQueue queue;
    private final Upstream upstream;
    private final CallSource callers;
    private final int limit;
    private final int limitPer100ms;
    private final boolean backlogExpected;
    private final WindowMeter second = new WindowMeter(1, TimeUnit.SECONDS);
    private final WindowMeter tenth = new WindowMeter(100, TimeUnit.MILLISECONDS);
    private final BacklogRate backlog = new BacklogRate(1.0);
    private long offeredBefore;
    private long relayedBefore;
    private long waitedOverOneSecond;
    private double longestWaitMillis;

    /** What one second of the run looked like. */
    record Row(long offered, int queued, long relayed, int most100ms) {
    }

    /** A figure of the outcome, checked against its bound. */
    record Check(String label, String value, String bound, boolean ok) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "  %-34s %18s  %-34s %s", label, value, bound, ok ? "ok" : "FAILED");
        }
    }

    ShapedStream(String name, CallQueue queue, Upstream upstream, CallSource callers, int limit,
            int limitPer100ms, boolean backlogExpected) {
        this.name = name;
        this.queue = queue;
        this.upstream = upstream;
        this.callers = callers;
        this.limit = limit;
        this.limitPer100ms = limitPer100ms;
        this.backlogExpected = backlogExpected;
    }

    String name() {
        return name;
    }

    CallSource callers() {
        return callers;
    }

    /** Takes in the relays logged since the last row and returns the row. */
    Row row() {
        long offered = callers.offered();
        for (Relayed r : upstream.drain()) {
            second.add(r.nanos());
            tenth.add(r.nanos());
            backlog.add(r);
            double waited = r.waitedMillis();
            longestWaitMillis = Math.max(longestWaitMillis, waited);
            if (waited > 1000) {
                waitedOverOneSecond++;
            }
        }
        long relayed = upstream.relayed();
        Row row = new Row(offered - offeredBefore, queue.size(), relayed - relayedBefore, tenth.takeMaxSinceMark());
        offeredBefore = offered;
        relayedBefore = relayed;
        return row;
    }

    /** The outcome so far, after a last {@link #row()}. */
    List<Check> outcome() {
        backlog.close();
        long offered = callers.offered();
        long relayed = upstream.relayed();
        long queued = queue.size();
        long lost = offered - relayed - queued;
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("offered / relayed / still queued", offered + " / " + relayed + " / " + queued,
                "", true));
        checks.add(new Check("calls lost / relayed twice", lost + " / " + upstream.refused(), "0 / 0",
                lost == 0 && upstream.refused() == 0));
        checks.add(new Check("most relayed in any 1 s window", String.valueOf(second.max()),
                "<= " + limit, second.max() <= limit));
        checks.add(new Check("most relayed in any 100 ms window", String.valueOf(tenth.max()),
                "<= " + limitPer100ms + " (" + fmt(limit / 10.0) + " + slice rounding)", tenth.max() <= limitPer100ms));
        double rate = backlog.lowest();
        if (Double.isNaN(rate)) {
            checks.add(new Check("rate while a backlog existed", "no backlog", backlogExpected ? "a backlog of >= 1 s" : "",
                    !backlogExpected));
        } else {
            checks.add(new Check("rate while a backlog existed", fmt(rate) + "/s",
                    ">= " + fmt(0.99 * limit) + "/s (99%), " + fmt(backlog.seconds()) + " s", rate >= 0.99 * limit));
            if (rate < 0.99 * limit && WindowGuard.longestWaitMicros() > 10_000) {
                checks.add(new Check("  the JVM stalled (busy machine?) for", WindowGuard.longestWaitMicros() / 1000 + " ms",
                        "a hard window never gives it back", true));
            }
        }
        return checks;
    }

    /** One line of figures for scripts and tests: {@code figures <name> key=value ...}. */
    String figures() {
        return String.format(Locale.ROOT,
                "figures %s offered=%d relayed=%d queued=%d lost=%d twice=%d max_1s=%d max_100ms=%d backlog_rate=%.1f backlog_s=%.1f waited_over_1s=%d longest_wait_ms=%.0f",
                name, callers.offered(), upstream.relayed(), queue.size(),
                callers.offered() - upstream.relayed() - queue.size(), upstream.refused(), second.max(), tenth.max(),
                backlog.lowest(), backlog.seconds(), waitedOverOneSecond, longestWaitMillis);
    }

    long waitedOverOneSecond() {
        return waitedOverOneSecond;
    }

    double longestWaitMillis() {
        return longestWaitMillis;
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
