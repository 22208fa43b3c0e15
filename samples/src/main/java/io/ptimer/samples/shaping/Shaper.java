package io.ptimer.samples.shaping;

import io.ptimer.api.TimerContext;
import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.calls.PendingCall;
import io.ptimer.samples.calls.Upstream;
import io.ptimer.samples.calls.WindowGuard;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One worker's relaying: each loop takes up to its slice's share of calls off a queue and relays
 * them upstream ({@code mq_fetch} + {@code t_continue}). Its {@link WindowGuard} holds the worker
 * to its part of the limit in every sliding window: the largest slice share per interval, and the
 * share of {@code 1 s / interval} consecutive slices per second. Meant for the one worker thread
 * that made it.
 */
public final class Shaper {
    private final CallQueue queue;
    private final Relay relay;
    private final WindowGuard guard;
    /** {@code -Dshaping.guard=false} turns the guard off, to see what the timer alone does. */
    private static final boolean GUARDED = !"false".equals(System.getProperty("shaping.guard"));

    /** How a fetched call is sent on ({@code t_continue} into the relay route). */
    @FunctionalInterface
    public interface Relay {
        /**
         * Sends {@code call} on and returns when it did ({@link System#nanoTime()}), or a negative
         * number if the call no longer waited (answered meanwhile); such a call uses none of the share.
         *
         * @param backlog whether calls were still queued behind this one
         */
        long relay(PendingCall call, boolean backlog);
    }

    /** A shaper for the worker running {@code ctx} that relays to {@code target} through {@code upstream}. */
    public Shaper(CallQueue queue, Upstream upstream, String target, TimerContext ctx) {
        this(queue, (call, backlog) -> upstream.relay(call, target, backlog), perLoop(ctx), perSecond(ctx, Duration.ZERO));
    }

    private Shaper(CallQueue queue, Relay relay, WindowGuard.Limit... limits) {
        this.queue = queue;
        this.relay = relay;
        this.guard = new WindowGuard(limits);
    }

    /**
     * A shaper for the worker running {@code ctx} that guards only its per-second budget, counted
     * over {@code 1 s + margin}: an upstream that counts arrivals, which lag the relays by a varying
     * few milliseconds, then never sees too many in a second. The worker's interval should be
     * stretched by the same proportion, or the guard holds relays every second.
     */
    public static Shaper perSecond(CallQueue queue, TimerContext ctx, Relay relay, Duration margin) {
        return new Shaper(queue, relay, perSecond(ctx, margin));
    }

    private static WindowGuard.Limit perLoop(TimerContext ctx) {
        return new WindowGuard.Limit(ceilDiv(ctx.ntasks(), ctx.nslices()), ctx.interval().toNanos());
    }

    /** The share of the loops that fit in {@code 1 s + margin}. */
    private static WindowGuard.Limit perSecond(TimerContext ctx, Duration margin) {
        long window = TimeUnit.SECONDS.toNanos(1) + margin.toNanos();
        double loops = window / (double) ctx.interval().toNanos();
        return new WindowGuard.Limit((int) Math.ceil(ctx.ntasks() * loops / ctx.nslices() - 1e-9), window);
    }

    /** Relays up to {@code tasks} queued calls, fewer if the queue runs dry. */
    public void relay(int tasks) {
        relay(tasks, false, 0, 0);
    }

    /**
     * Relays up to {@code tasks} queued calls, fewer if the queue runs dry or {@link System#nanoTime()}
     * passes {@code deadline}: the calls not relayed by then stay queued. Returns how many of the
     * relays completed after {@code lateAfter} (on {@link System#nanoTime()}): each began before the
     * deadline, but its thread was held up while it sent.
     */
    public int relay(int tasks, long deadline, long lateAfter) {
        return relay(tasks, true, deadline, lateAfter);
    }

    /** Waits for the guard's room; with a deadline, never past it (a relay held past it would fall outside its step). */
    private boolean roomFor(boolean bounded, long deadline) {
        if (bounded) {
            return guard.awaitRoom(deadline);
        }
        guard.awaitRoom();
        return true;
    }

    private int relay(int tasks, boolean bounded, long deadline, long lateAfter) {
        int late = 0;
        for (int done = 0; done < tasks && (!bounded || System.nanoTime() - deadline < 0); ) {
            if (GUARDED && !roomFor(bounded, deadline)) {
                break;
            }
            PendingCall call = queue.fetch();
            if (call == null) {
                break;
            }
            long at = relay.relay(call, queue.size() > 0);
            if (at >= 0) {
                guard.record(at);
                done++;
                if (bounded && at - lateAfter > 0) {
                    late++;
                }
            }
        }
        return late;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
