package io.ptimer.agent.exec;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * One daemon thread for one job, with the precise wait of its {@link Precision}. The job runs on
 * the lane's thread and uses {@link #awaitUntil} and {@link #park} to wait; any thread may
 * {@link #wake} it, and the wait ends early whenever the job's wake-up condition holds.
 */
public final class DedicatedLane {
    /** The most a one-shot wait spins, in ns, with {@link Precision#HYBRID}. */
    static final long MAX_ONE_SHOT_SPIN_NANOS = 200_000;
    private final Thread thread;
    private final Precision precision;
    private final Waiter waiter;
    private volatile long osThreadId = ProcessHandle.current().pid();

    /**
     * @param threadName the thread's name, e.g. {@code ptimer-<timer>-<worker>}
     * @param wakeUp     when true, a wait returns early: the job has something to do
     */
    public DedicatedLane(String threadName, Precision precision, BooleanSupplier wakeUp, Runnable job) {
        this.precision = precision;
        this.waiter = new Waiter(precision, wakeUp);
        this.thread = new Thread(() -> {
            long tid = OsThread.currentId();
            osThreadId = tid;
            if (precision != Precision.SPIN) {
                OsThread.lowerTimerSlack(tid);
            }
            waiter.prime();
            job.run();
        }, threadName);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Waits on the lane's thread until {@code deadline} ({@link System#nanoTime()}), spinning at
     * most {@code maxSpin} ns with {@link Precision#HYBRID}.
     *
     * @return {@code true} when the deadline was reached, {@code false} when woken first
     */
    boolean awaitUntil(long deadline, long maxSpin) {
        return waiter.awaitUntil(deadline, maxSpin, false);
    }

    /**
     * Waits on the lane's thread until {@code deadline}, a point of a grid of this interval,
     * spinning within the {@link SpinBudget} of the interval with {@link Precision#HYBRID}.
     *
     * @return {@code true} when the deadline was reached, {@code false} when woken first
     */
    boolean awaitGridPoint(long deadline, long intervalNanos) {
        return waiter.awaitUntil(deadline, SpinBudget.perWait(intervalNanos), true);
    }

    /** Parks the lane's thread until {@link #wake} (or spuriously); an interrupt is cleared first. */
    void park() {
        Thread.interrupted();
        LockSupport.park(this);
    }

    /** Wakes the lane's thread from a wait or a park. */
    public void wake() {
        LockSupport.unpark(thread);
    }

    /** Waits for the lane's thread to end, at most until {@code deadline} (nanoTime). */
    public boolean awaitStop(long deadline) throws InterruptedException {
        long remaining = deadline - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
        }
        return !thread.isAlive();
    }

    public Thread thread() {
        return thread;
    }

    /** The OS id of the lane's thread once it runs; the JVM's pid before, or where the OS does not tell. */
    public long osThreadId() {
        return osThreadId;
    }

    public Precision precision() {
        return precision;
    }
}
