package io.ptimer.samples.sip;

import io.ptimer.samples.calls.WindowMeter;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongToIntFunction;

/**
 * What the cluster demo showed, from the carrier's trace of arriving INVITEs, each proxy's counts
 * and each customer's SIPp statistics: the arrivals per second, the most in any sliding second,
 * the rate while backlogged outside transitions, the dip after each event, and whether every call
 * of a proxy that lived to the end was accounted for. The contract held when no 1 s window holds
 * more than the limit and no call of a surviving proxy is lost; the rate outside transitions is
 * aimed at {@value #OUTSIDE_SHARE} of the limit or more, and said when it falls short. A contract
 * lowered during the flood holds, and is aimed at, from the step it was set for.
 */
final class ClusterReport extends Report {
    static final double OUTSIDE_SHARE = 0.90;
    /** A transition lasts until a 1 s window holds this share of the contract again, and at least 2 s. */
    private static final double RECOVERED_SHARE = 0.90;
    private static final long SECOND = 1_000_000;
    private static final long MIN_TRANSITION = 2 * SECOND;
    /** The cluster's bound on a JVM's clock offset to the leader: the earliest a send can come before its step. */
    private static final long EARLY_MICROS = 5_000;

    /**
     * Something done to the cluster during the flood, at {@code micros} since the epoch; {@code key}
     * names its figures ({@code kill_recovered_s}...), {@code started} is the proxy it started, if any.
     */
    record Event(String key, String what, long micros, ClusterProxy started) {
    }

    /**
     * The contract lowered during the flood: to {@code limit} calls a second, the command typed at
     * {@code typedMicros}, in force from {@code fromMicros} (the start of the step it named), µs
     * since the epoch.
     */
    record Lowered(int limit, long typedMicros, long fromMicros) {
    }

    private final long[] arrivals;

    /**
     * The INVITEs' times: when each call's was relayed and when it first reached the carrier, µs
     * since the epoch by Call-ID, and the step the proxies relay in.
     */
    record Timing(Map<String, Long> relayed, Map<String, Long> arrived, long stepMicros) {
    }

    /** @param lowered the contract as lowered during the flood, or {@code null} */
    ClusterReport(int limit, Lowered lowered, long floodStart, long floodEnd, List<Event> events, List<ClusterProxy> proxies,
            Timing timing) throws IOException {
        super(52, 10);
        this.arrivals = timing.arrived().values().stream().mapToLong(Long::longValue).sorted().toArray();
        WindowMeter second = new WindowMeter(1, TimeUnit.SECONDS);
        WindowMeter secondLowered = new WindowMeter(1, TimeUnit.SECONDS);
        // the arrivals of the steps before the lowered contract's have all come one step into it
        long loweredFrom = lowered == null ? Long.MAX_VALUE : lowered.fromMicros() + timing.stepMicros();
        for (long t : arrivals) {
            second.add(t * 1000);
            if (t >= loweredFrom) {
                secondLowered.add(t * 1000);
            }
        }
        LongToIntFunction limitAt = micros -> lowered != null && micros >= lowered.fromMicros() ? lowered.limit() : limit;
        long backlogFrom = floodStart + SECOND;
        long lastArrival = arrivals.length == 0 ? floodEnd : Math.max(floodEnd, arrivals[arrivals.length - 1]);
        long[][] transitions = new long[events.size()][];
        for (int i = 0; i < events.size(); i++) {
            long at = events.get(i).micros();
            long r = at;
            while (r + SECOND < lastArrival && count(r, r + SECOND) < RECOVERED_SHARE * limitAt.applyAsInt(r)) {
                r += 10_000;
            }
            transitions[i] = new long[] {at, Math.max(at + MIN_TRANSITION, r), r};
        }
        long steadyEnd = lowered == null ? floodEnd : Math.min(floodEnd, lowered.typedMicros());
        int lowest = Integer.MAX_VALUE;
        for (long t = backlogFrom; t + SECOND <= steadyEnd; t += 100_000) {
            if (!within(transitions, t, t + SECOND)) {
                lowest = Math.min(lowest, count(t, t + SECOND));
            }
        }
        Outside beforeLowered = outside(transitions, backlogFrom, steadyEnd);
        Outside fromLowered = lowered == null ? new Outside(0, 0) : outside(transitions, loweredFrom, floodEnd);
        double steady = beforeLowered.rate();
        double steadyLowered = fromLowered.rate();

        line("  carrier's arrivals per second of the flood (* marks an event in that second):");
        StringBuilder row = new StringBuilder();
        for (int s = 0; floodStart + s * SECOND <= lastArrival; s++) {
            long from = floodStart + s * SECOND;
            boolean event = events.stream().anyMatch(e -> e.micros() >= from && e.micros() < from + SECOND);
            row.append(String.format(Locale.ROOT, "%4d%s", count(from, from + SECOND), event ? "*" : " "));
            if (s % 10 == 9) {
                line("   " + row);
                row.setLength(0);
            }
        }
        if (row.length() > 0) {
            line("   " + row);
        }
        row("most INVITEs at the carrier in any 1 s", String.valueOf(second.max()), "<= " + limit, second.max() <= limit);
        aim("rate at the carrier, backlogged, outside transitions", String.format(Locale.ROOT, "%.1f/s over %.1f s",
                steady, beforeLowered.micros() / 1e6), String.format(Locale.ROOT, ">= %.0f/s", OUTSIDE_SHARE * limit),
                steady >= OUTSIDE_SHARE * limit);
        if (lowered != null) {
            row("  from the lowered contract's step: most in any 1 s", String.valueOf(secondLowered.max()),
                    "<= " + lowered.limit(), secondLowered.max() <= lowered.limit());
            aim("  and the rate outside transitions", String.format(Locale.ROOT, "%.1f/s over %.1f s", steadyLowered,
                    fromLowered.micros() / 1e6),
                    String.format(Locale.ROOT, ">= %.0f/s", OUTSIDE_SHARE * lowered.limit()),
                    steadyLowered >= OUTSIDE_SHARE * lowered.limit());
            words(String.format(Locale.ROOT, "set_limit=%d set_from_s=%.2f max_1s_after_set=%d rate_after_set=%.1f",
                    lowered.limit(), (lowered.fromMicros() - lowered.typedMicros()) / 1e6, secondLowered.max(), steadyLowered));
        }
        row("fewest in a 1 s window outside transitions", lowest == Integer.MAX_VALUE ? "none" : String.valueOf(lowest), "", true);
        words(String.format(Locale.ROOT, "arrived=%d max_1s=%d rate_outside=%.1f outside_s=%.1f min_1s_outside=%d",
                arrivals.length, second.max(), steady, beforeLowered.micros() / 1e6, lowest == Integer.MAX_VALUE ? -1 : lowest));
        for (int i = 0; i < events.size(); i++) {
            long[] tr = transitions[i];
            double expected = (lowered != null && tr[0] >= lowered.typedMicros() ? steadyLowered : steady)
                    * (tr[1] - tr[0]) / SECOND;
            long shortOf = Math.max(0, Math.round(expected - count(tr[0], tr[1])));
            String measured = String.format(Locale.ROOT, "%s at %.1f s: a 1 s window holds %.0f%% of the contract again"
                    + " after %.2f s; calls short of the steady rate in the %.1f s after it: %d", events.get(i).what(),
                    (tr[0] - floodStart) / 1e6, RECOVERED_SHARE * 100, (tr[2] - tr[0]) / 1e6, (tr[1] - tr[0]) / 1e6, shortOf);
            line("  MEASURED " + measured);
            String key = events.get(i).key();
            words(String.format(Locale.ROOT, "%s_recovered_s=%.2f %s_short=%d", key, (tr[2] - tr[0]) / 1e6, key, shortOf));
            ClusterProxy started = events.get(i).started();
            if (started != null && started.skewMillis == 0 && started.survived()) {
                long first = num(started.figures(), "first_relay_us");
                double after = first > 0 ? (first - tr[0]) / 1e6 : -1;
                line(String.format(Locale.ROOT, "           %s relayed its first call %s", started.name,
                        first > 0 ? String.format(Locale.ROOT, "%.2f s after its JVM was started", after) : "never"));
                words(String.format(Locale.ROOT, "%s_first_relay_s=%.2f", key, after));
            }
        }
        timing(timing);
        accountFor(proxies);
    }

    /**
     * How far into their step the INVITEs were relayed and reached the carrier, and how long each
     * took from its relay to the carrier: a late arrival is the proxy's or the carrier's.
     */
    private void timing(Timing t) {
        long[] relayPhase = t.relayed().values().stream().mapToLong(us -> phase(us, t.stepMicros())).sorted().toArray();
        long[] arrivalPhase = t.arrived().values().stream().mapToLong(us -> phase(us, t.stepMicros())).sorted().toArray();
        long[] lag = t.arrived().entrySet().stream().filter(e -> t.relayed().containsKey(e.getKey()))
                .mapToLong(e -> e.getValue() - t.relayed().get(e.getKey())).sorted().toArray();
        if (relayPhase.length == 0 || lag.length == 0) {
            line("  no relay matched to the carrier's trace: no timing");
            return;
        }
        line(String.format(Locale.ROOT, "  INVITEs into their %.0f ms step, 99.9th percentile / latest: relayed %s, at the carrier %s",
                t.stepMicros() / 1e3, millis(relayPhase), millis(arrivalPhase)));
        line(String.format(Locale.ROOT, "  from relay to carrier, 99.9th percentile / longest: %s (%d INVITEs matched by Call-ID)",
                millis(lag), lag.length));
        words(String.format(Locale.ROOT, "relay_phase_max_ms=%.1f arrival_phase_max_ms=%.1f carrier_lag_p999_ms=%.1f"
                + " carrier_lag_max_ms=%.1f", relayPhase[relayPhase.length - 1] / 1e3, arrivalPhase[arrivalPhase.length - 1] / 1e3,
                lag[(int) (lag.length * 0.999)] / 1e3, lag[lag.length - 1] / 1e3));
    }

    /**
     * How far into its step {@code micros} falls, from {@value #EARLY_MICROS} µs before the step to
     * as much before the next: a JVM whose clock is behind the leader's sends that early.
     */
    private static long phase(long micros, long stepMicros) {
        return Math.floorMod(micros + EARLY_MICROS, stepMicros) - EARLY_MICROS;
    }

    private static String millis(long[] sorted) {
        return String.format(Locale.ROOT, "%.1f / %.1f ms", sorted[(int) (sorted.length * 0.999)] / 1e3, sorted[sorted.length - 1] / 1e3);
    }

    /** Every call of a proxy that lived to the end: SIPp counts it successful or failed, the proxy none open. */
    private void accountFor(List<ClusterProxy> proxies) throws IOException {
        long lost = 0;
        long open = 0;
        long answered503 = 0;
        int survivors = 0;
        long skewedRelayed = -1;
        for (ClusterProxy p : proxies) {
            if (!p.survived()) {
                line(String.format(Locale.ROOT, "  %-10s killed: its calls are not counted", p.name));
                continue;
            }
            survivors++;
            Map<String, String> f = p.figures();
            long successful = p.customerStat("SuccessfulCall(C)");
            long failed = p.customerStat("FailedCall(C)");
            long missing = p.calls() - Math.max(0, successful) - Math.max(0, failed);
            long proxyOpen = num(f, "open");
            lost += missing;
            open += Math.max(0, proxyOpen);
            answered503 += Math.max(0, num(f, "queue_timeout"));
            boolean ok = missing == 0 && proxyOpen == 0 && p.customerExit() >= 0;
            row(p.name + ": calls, SIPp successful / failed", p.calls() + ": " + successful + " / " + failed,
                    "none lost", ok);
            line(String.format(Locale.ROOT, "  %-10s proxy: offered %s, relayed %s, completed %s, 503 after the queue"
                    + " timeout %s, other errors %d, open %s", "", f.getOrDefault("offered", "?"), f.getOrDefault("relayed", "?"),
                    f.getOrDefault("completed", "?"), f.getOrDefault("queue_timeout", "?"),
                    num(f, "errors") - num(f, "queue_timeout"), f.getOrDefault("open", "?")));
            line(String.format(Locale.ROOT, "  %-10s relays completed over %d ms past their loop's deadline %s, paid back"
                    + " (a granted call left queued) %s", "", SipClusterTimer.LATE.toMillis(), f.getOrDefault("late_relays", "?"),
                    f.getOrDefault("paid_back", "?")));
            if (p.skewMillis > 0) {
                long relayed = num(f, "relayed");
                skewedRelayed = Math.max(skewedRelayed, 0) + relayed;
                row(p.name + ": clock " + p.skewMillis + " ms ahead, calls relayed", String.valueOf(relayed), "0", relayed == 0);
                line(String.format(Locale.ROOT, "  %-10s it said: %s", "", p.refusal()));
            }
        }
        words("survivors=" + survivors + " lost=" + lost + " open=" + open + " answered_503=" + answered503
                + " skewed_relayed=" + skewedRelayed);
    }

    /** How long of a stretch of the flood lies outside every transition, in µs, and the arrivals in that part. */
    private record Outside(long micros, int calls) {
        /** The arrivals a second outside transitions; NaN when none of the stretch is outside. */
        double rate() {
            return micros == 0 ? Double.NaN : calls * (double) SECOND / micros;
        }
    }

    /** The part of {@code [from, to)} outside every transition, in steps of 10 ms. */
    private Outside outside(long[][] transitions, long from, long to) {
        long micros = 0;
        int calls = 0;
        for (long t = from; t < to; t += 10_000) {
            long end = Math.min(t + 10_000, to);
            if (!within(transitions, t, end)) {
                micros += end - t;
                calls += count(t, end);
            }
        }
        return new Outside(micros, calls);
    }

    private static boolean within(long[][] transitions, long from, long to) {
        for (long[] tr : transitions) {
            if (from < tr[1] && to > tr[0]) {
                return true;
            }
        }
        return false;
    }

    /** Arrivals in {@code [from, to)}, in µs since the epoch. */
    private int count(long from, long to) {
        return index(to) - index(from);
    }

    private int index(long micros) {
        int i = Arrays.binarySearch(arrivals, micros);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && arrivals[i - 1] == micros) {
            i--;
        }
        return i;
    }
}
