package io.ptimer.agent.exec;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A few {@link SharedLane}s for many short {@link Job}s, and the watchdog {@code ptimer-lanes} that
 * keeps a long step from delaying the others: a step still running after {@link #longNanos()} keeps
 * its thread, which becomes that job's own, and the rest of the lane moves to a fresh carrier. A job
 * on a thread of its own comes back to a lane after {@link #shortSteps()} short steps in a row.
 * Thread-safe; lanes and watchdog start with the first job.
 */
public final class LanePool {
    /** A step longer than this, in ns, gets a thread of its own: 2 ms. */
    static final long LONG_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Short steps in a row after which a job on a thread of its own returns to a lane. */
    static final int SHORT_STEPS = 20;
    /** At most this many lanes. */
    static final int MAX_LANES = 4;
    /** Processors per lane: one lane carries some hundred thousand short steps a second. */
    static final int PROCESSORS_PER_LANE = 4;

    private static final class Shared {
        static final LanePool POOL = new LanePool(lanesFor(Runtime.getRuntime().availableProcessors()),
                LONG_STEP_NANOS, SHORT_STEPS);
    }

    private final SharedLane[] lanes;
    private final long longNanos;
    private final int shortSteps;
    /** The most, and the least, the watchdog waits between looks. */
    private static final long MAX_WATCH_NANOS = 50_000_000;
    private static final long MIN_WATCH_NANOS = 200_000;
    private volatile Thread watchdog;

    /**
     * @param lanes      how many lanes
     * @param longNanos  a step longer than this gets a thread of its own
     * @param shortSteps short steps in a row after which such a job returns to a lane
     */
    LanePool(int lanes, long longNanos, int shortSteps) {
        this.lanes = new SharedLane[lanes];
        for (int i = 0; i < lanes; i++) {
            this.lanes[i] = new SharedLane(this, "ptimer-lane-" + i);
        }
        this.longNanos = longNanos;
        this.shortSteps = shortSteps;
    }

    /**
     * How many lanes {@code processors} get: one per {@value #PROCESSORS_PER_LANE}, at least one, at most
     * {@value #MAX_LANES}. Lanes that fall due at once on a small machine only contend for its cores
     * and for the spin budget, and lose the precision a single lane keeps.
     */
    static int lanesFor(int processors) {
        return Math.max(1, Math.min(MAX_LANES, processors / PROCESSORS_PER_LANE));
    }

    /** The JVM's pool: {@link #lanesFor} the processors. */
    public static LanePool shared() {
        return Shared.POOL;
    }

    /** Puts a job on the lane with the fewest jobs, where it steps at once. Any thread. */
    public void place(Job job) {
        startOnce();
        SharedLane least = lanes[0];
        for (SharedLane lane : lanes) {
            if (lane.jobs() < least.jobs()) {
                least = lane;
            }
        }
        least.adopt(job);
        LockSupport.unpark(watchdog);
    }

    long longNanos() {
        return longNanos;
    }

    int shortSteps() {
        return shortSteps;
    }

    /** Jobs on the lanes now (not those on threads of their own). */
    int jobs() {
        int n = 0;
        for (SharedLane lane : lanes) {
            n += lane.jobs();
        }
        return n;
    }

    /** How many times a long step moved a lane to a fresh carrier. */
    long handovers() {
        long n = 0;
        for (SharedLane lane : lanes) {
            n += lane.handovers();
        }
        return n;
    }

    private synchronized void startOnce() {
        if (watchdog != null) {
            return;
        }
        for (SharedLane lane : lanes) {
            lane.start();
        }
        Thread w = new Thread(this::watchLanes, "ptimer-lanes");
        w.setDaemon(true);
        watchdog = w;
        w.start();
    }

    /** Makes the watchdog look at the lanes again now: a lane has work it did not plan for. */
    void watch() {
        Thread w = watchdog;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * Looks at each lane when a step of it could first have run long: {@link #longNanos} after the step
     * running began, or after the lane's wait ends; at least every {@value #MAX_WATCH_NANOS} ns while
     * there are jobs; parks while there are none. When the watchdog itself woke more than half
     * {@link #longNanos} late, the whole process was stalled (a garbage collection, a safepoint, a
     * machine out of CPU): the steps it finds running were stalled too, not long, and it looks again
     * shortly instead.
     */
    private void watchLanes() {
        long expected = 0;
        for (;;) {
            if (jobs() == 0) {
                LockSupport.park(this);
                expected = 0;
                continue;
            }
            long now = System.nanoTime();
            boolean stalled = expected != 0 && now - expected > longNanos / 2;
            long next = now + MAX_WATCH_NANOS;
            for (SharedLane lane : lanes) {
                if (!stalled) {
                    lane.rescue(now, longNanos);
                }
                long at = lane.watchAt(longNanos);
                if (at - next < 0) {
                    next = at;
                }
            }
            long wait = Math.max(next - now, MIN_WATCH_NANOS);
            expected = now + wait;
            LockSupport.parkNanos(this, wait);
        }
    }
}
