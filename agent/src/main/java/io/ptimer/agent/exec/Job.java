package io.ptimer.agent.exec;

import java.util.concurrent.locks.LockSupport;

/**
 * Work that advances in steps: each {@link #step} runs what is due (a route, a loop) and says when
 * the next is due. A job lives on one carrier at a time: a {@link SharedLane} among many jobs, or a
 * thread of its own ({@link #runOn(DedicatedLane)}, or the lane's thread that a long step kept, see
 * {@link LanePool}). Its steps never overlap; its state belongs to whichever thread runs the step.
 * Any thread may {@link #wake} it.
 */
public abstract class Job extends Due {
    /** {@link #step} result: nothing is due until the job is woken. */
    public static final long PARK = Long.MAX_VALUE;
    /** {@link #step} result: the job is over and leaves its carrier. */
    public static final long DONE = Long.MIN_VALUE;
    /**
     * The most a job that a long step took off its lane spins before a step: its route runs long, and
     * the spin the process allows is for the lanes that carry the short ones.
     */
    static final long HANDED_OVER_SPIN_NANOS = 50_000;

    /** Where the job lives: its {@link SharedLane}, or the {@link Thread} of its own; {@code null} before and after. */
    volatile Object home;
    /** The thread that ran its last step, and that thread's OS id. */
    private volatile Thread carrier;
    /** Whether it waits on its lane for a wake; like its due time and place in the lane's heap, the lane's. */
    boolean parked;

    /**
     * Runs what is due as of now, on the job's carrier.
     *
     * @return when the next step is due ({@link System#nanoTime()}), {@link #PARK} or {@link #DONE}
     */
    protected abstract long step();

    /** Whether the job has something to do at once (a request): a wait for its due time ends early. Any thread. */
    protected abstract boolean hasWork();

    /** The interval of its periodic steps in ns, for the spin allowance of a precise wait. */
    protected abstract long intervalNanos();

    /** How its waits are made. */
    protected abstract Precision precision();

    /** The name of a thread of its own, e.g. {@code ptimer-<timer>-<worker>}. */
    protected abstract String threadName();

    /** Called on the carrier before a step, when the carrier is not the one of the last step. */
    protected abstract void carriedBy(Thread thread, long osThreadId);

    /**
     * Called on the carrier when a step threw, which a job's own code should never let happen: the job
     * is over (its carrier drops it) and must say so to whoever waits for its end.
     */
    protected void failed(Throwable failure) {
    }

    /**
     * The step of a job on a thread of its own whose wait reached its due time with nothing else to
     * do ({@link #hasWork} false): the job may go straight to what is due (a worker, to its loop).
     * By default a plain {@link #step}.
     */
    protected long stepAtDue() {
        return step();
    }

    /** Runs one step; a throw ends the job ({@link #failed}) rather than its carrier. */
    final long stepSafely() {
        return stepSafely(false);
    }

    private long stepSafely(boolean atDue) {
        try {
            return atDue ? stepAtDue() : step();
        } catch (Throwable e) {
            Log.warn("ptimer: a job on " + Thread.currentThread().getName() + " failed and leaves it: " + e);
            try {
                failed(e);
            } catch (Throwable ignored) {
                // the job could not even say it ended: nothing more to do for it
            }
            return DONE;
        }
    }

    /** Ends the job's wait for its due time (or its park) so that it steps now; any thread. */
    public final void wake() {
        Object h = home;
        if (h instanceof SharedLane lane) {
            lane.wake(this);
        } else if (h instanceof Thread thread) {
            LockSupport.unpark(thread);
        }
    }

    /** The thread that runs or last ran a step, or {@code null} before the first. */
    public final Thread carrier() {
        return carrier;
    }

    /** Whether the job runs on a thread of its own now. */
    public final boolean ownThread() {
        return home instanceof Thread;
    }

    final void attach(Thread thread, long osThreadId) {
        if (carrier != thread) {
            carrier = thread;
            carriedBy(thread, osThreadId);
        }
    }

    /** Runs the job to its end on {@code lane}'s thread, which is its own for good: the job to run there. */
    public final Runnable runOn(DedicatedLane lane) {
        return () -> {
            home = lane.thread();
            attach(lane.thread(), lane.osThreadId());
            boolean reached = false;
            for (;;) {
                long next = stepSafely(reached);
                if (next == DONE) {
                    home = null;
                    return;
                }
                if (next == PARK) {
                    lane.park();
                    reached = false;
                } else {
                    reached = lane.awaitGridPoint(next, intervalNanos()) && !hasWork();
                }
            }
        };
    }

    /**
     * Runs the job on the calling thread, which it owns from now on, from a step due at {@code next},
     * until the job is over or, with a pool, until {@code shortSteps} steps in a row were shorter than
     * {@code longNanos}: then the job goes back to a shared lane of that pool and the thread ends its work.
     */
    final void runOwn(long next, LanePool pool, int shortSteps, long longNanos, long osThreadId) {
        Thread me = Thread.currentThread();
        me.setName(threadName());
        home = me;
        attach(me, osThreadId);
        Waiter waiter = new Waiter(precision(), this::hasWork);
        int shortInARow = 0;
        for (;;) {
            if (next == DONE) {
                home = null;
                return;
            }
            if (next == PARK) {
                if (!hasWork()) {
                    Thread.interrupted();
                    LockSupport.park(this);
                }
            } else {
                waiter.awaitUntil(next, HANDED_OVER_SPIN_NANOS, false);
            }
            long began = System.nanoTime();
            next = stepSafely();
            if (pool != null && next != DONE) {
                shortInARow = System.nanoTime() - began < longNanos ? shortInARow + 1 : 0;
                if (shortInARow >= shortSteps) {
                    pool.place(this);
                    return;
                }
            }
        }
    }
}
