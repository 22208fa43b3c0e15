package io.ptimer.samples.sip;

import com.google.common.util.concurrent.RateLimiter;
import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.calls.PendingCall;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The usual JVM way, for comparison: one daemon thread takes {@code call_queue} and acquires a
 * Guava {@link RateLimiter} permit before each relay, as most Java code shapes a call rate.
 */
final class GuavaRelay {
    private GuavaRelay() {
    }

    /** Starts relaying {@code call_queue} at {@code perSecond} calls a second. */
    static void start(int perSecond) {
        RateLimiter limiter = RateLimiter.create(perSecond);
        CallQueue queue = CallQueue.named(ShapedQueues.GLOBAL);
        ShapedQueues.shape(ShapedQueues.GLOBAL);
        Thread relay = new Thread(() -> {
            for (;;) {
                PendingCall call = queue.fetch();
                if (call == null) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    continue;
                }
                limiter.acquire();
                SuspendedCalls.resume(call, queue.size() > 0);
            }
        }, "guava-relay");
        relay.setDaemon(true);
        relay.start();
    }
}
