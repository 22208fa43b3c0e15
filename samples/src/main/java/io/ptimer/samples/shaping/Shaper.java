package io.ptimer.samples.shaping;

import io.ptimer.api.TimerContext;
import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.calls.PendingCall;
import io.ptimer.samples.calls.Upstream;
import io.ptimer.samples.calls.WindowGuard;
import java.util.concurrent.TimeUnit;

/**
 * One worker's relaying: each loop takes up to its slice's share of calls off a queue and relays
 * them upstream ({@code mq_fetch} + {@code t_continue}). Its {@link WindowGuard} holds the worker
 * to its part of the limit in every sliding window: the largest slice share per interval, and the
 * share of {@code 1 s / interval} consecutive slices per second.
 */
final class Shaper {
    private final CallQueue queue;
    private final Upstream upstream;
    private final String target;
    private final WindowGuard guard;
    /** {@code -Dshaping.guard=false} turns the guard off, to see what the timer alone does. */
    private static final boolean GUARDED = !"false".equals(System.getProperty("shaping.guard"));

    Shaper(CallQueue queue, Upstream upstream, String target, TimerContext ctx) {
        this.queue = queue;
        this.upstream = upstream;
        this.target = target;
        long interval = ctx.interval().toNanos();
        double loopsPerSecond = TimeUnit.SECONDS.toNanos(1) / (double) interval;
        int perLoop = ceilDiv(ctx.ntasks(), ctx.nslices());
        int perSecond = (int) Math.ceil(ctx.ntasks() * loopsPerSecond / ctx.nslices() - 1e-9);
        this.guard = new WindowGuard(new WindowGuard.Limit(perLoop, interval),
                new WindowGuard.Limit(perSecond, TimeUnit.SECONDS.toNanos(1)));
    }

    /** Relays up to {@code tasks} queued calls, fewer if the queue runs dry. */
    void relay(int tasks) {
        for (int i = 0; i < tasks; i++) {
            if (GUARDED) {
                guard.awaitRoom();
            }
            PendingCall call = queue.fetch();
            if (call == null) {
                return;
            }
            guard.record(upstream.relay(call, target, queue.size() > 0));
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
