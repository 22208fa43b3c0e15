package io.ptimer.agent.ptimer;

import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.RouteShape;
import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.exec.Log;
import io.ptimer.api.Route;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Once per JVM, before the first start route of any timer, a stand-in timer runs the workers' code
 * {@value #LOOPS} times at {@value #INTERVAL_NANOS} ns with a loop route that does nothing, on its own
 * thread {@code ptimer-rehearsal-0}. The JIT compiles the wait, the loop and the bookkeeping around
 * the route as the rehearsal asks for it, so that the compiler threads it wakes do not take the core
 * of a running timer in its first second. The timers' own routes are never called.
 *
 * <p>A worker that comes to its first start route meanwhile waits until the rehearsal's thread has
 * ended and {@value #SETTLE_MILLIS} ms have passed since its last loop, at most
 * {@value #MAX_WAIT_MILLIS} ms in all, so that its grid still starts as its start route returns;
 * requests sent to it meanwhile are applied after that start route. Thread-safe.
 */
final class Rehearsal {
    static final long INTERVAL_NANOS = 100_000;
    static final int LOOPS = 1_000;
    /** Left to the compiler threads after the last loop, to finish what the rehearsal asked of them. */
    static final long SETTLE_MILLIS = 20;
    static final long MAX_WAIT_MILLIS = 1_000;
    /** How often a waiting worker on a thread of its own looks whether the rehearsal is over. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /**
     * How often a waiting worker on the shared lanes looks: thousands of them asking every 5 ms would
     * keep the lanes busy with nothing else.
     */
    private static final long SHARED_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private static final AtomicBoolean BEGUN = new AtomicBoolean();
    private static final CountDownLatch DONE = new CountDownLatch(1);
    private static volatile Ptimer standIn;
    private static volatile long settledAt;

    private Rehearsal() {
    }

    /**
     * Asked by each worker before its first start route, first at {@code since} (nanoTime): the first
     * call starts the rehearsal with the type and precision of {@code timer}.
     *
     * @return 0 when the worker may run its start route (at once for the stand-in), else when to ask again
     */
    static long readyAt(Ptimer timer, long since) {
        if (BEGUN.compareAndSet(false, true)) {
            try {
                begin(timer.spec());
            } catch (RuntimeException | Error e) {
                DONE.countDown();
                Log.warn("ptimer: the JIT rehearsal did not start, the timers begin without it: " + e);
            }
        }
        if (timer == standIn) {
            return 0;
        }
        long now = System.nanoTime();
        long giveUp = since + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
        if (now - giveUp >= 0) {
            return 0;
        }
        if (DONE.getCount() != 0 || !threadEnded()) {
            return Math.min(now + (timer.spec().sharedThread() ? SHARED_POLL_NANOS : POLL_NANOS), giveUp);
        }
        long until = Math.min(settledAt, giveUp);
        return until - now > 0 ? until : 0;
    }

    private static boolean threadEnded() {
        Ptimer timer = standIn;
        try {
            return timer == null || timer.workers().isEmpty() || timer.workers().get(0).awaitStop(System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Whether the rehearsal has run its loops, or could not start. */
    static boolean over() {
        return DONE.getCount() == 0;
    }

    private static void begin(PtimerSpec like) {
        PtimerSpec spec = new PtimerSpec("rehearsal", like.type(), INTERVAL_NANOS, 1, like.ntasks(), like.nslices(),
                like.precision(), true, like.overrun(), false, 0, null, Map.of(), "rehearsal");
        Ptimer timer = new Ptimer(spec);
        timer.listener((worker, event) -> {
            if (event == WorkerEvent.PAUSED) {
                settledAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
                DONE.countDown();
                worker.shutdown();
            }
        });
        AtomicInteger left = new AtomicInteger(LOOPS);
        BoundRoute loop = new BoundRoute(new RouteSpec(Rehearsal.class.getName(), "loop", RouteShape.PTIMER,
                "rehearsal"), Rehearsal.class, (target, context) -> left.decrementAndGet() > 0 ? Route.CONTINUE
                : Route.END, null);
        standIn = timer;
        timer.start(Map.of(Phase.LOOP, loop));
    }
}
