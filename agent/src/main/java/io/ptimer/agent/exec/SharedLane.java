package io.ptimer.agent.exec;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Many {@link Job}s on one carrier thread {@code ptimer-lane-<n>}: a binary heap ordered by due
 * time, a precise wait for the nearest, the steps one after another. When a step runs long, the
 * {@link LanePool}'s watchdog hands the lane (its heap and the rest of its jobs) to a fresh carrier
 * thread; the thread that was in the step keeps that one job as its own thread.
 *
 * <p>Threading: the heap and the jobs' places in it belong to the lane's current carrier. Which
 * thread that is, is decided by {@link #turn}: odd while a step runs; the carrier ends its step, or
 * the watchdog takes the lane from it, by one compare-and-set from that odd value, so exactly one
 * of them goes on with the heap. Other threads hand jobs over through concurrent queues.
 */
final class SharedLane {
    /** A wait spins at most 1/{@value} of the idle time before its deadline. */
    private static final int IDLE_SHARE = 10;
    /**
     * A gap to the next due time this short, in ns, is spun rather than parked: a park costs more CPU
     * to wake from, and returns later, than the gap. Jobs of one lane fall due close together when
     * they started together.
     */
    static final long SHORT_GAP_NANOS = 50_000;
    private final LanePool pool;
    private final String name;
    private final Queue<Job> adopted = new ConcurrentLinkedQueue<>();
    private final Queue<Job> woken = new ConcurrentLinkedQueue<>();
    private final AtomicLong turn = new AtomicLong();
    private final AtomicInteger jobs = new AtomicInteger();
    /**
     * Set when a job is adopted or woken, cleared by the carrier before it takes them: one volatile
     * read tells a wait that it has work, where the queues would take two.
     */
    private volatile boolean arrived;
    private final Waiter waiter = new Waiter(Precision.HYBRID, () -> arrived);
    private volatile long stepStarted;
    /** When the carrier's wait ends at the latest (nanoTime), {@link Long#MAX_VALUE} while it parks with no job. */
    private volatile long waitingUntil = Long.MAX_VALUE;
    private volatile Thread carrier;
    private volatile long handovers;
    private final DueHeap<Job> heap = new DueHeap<>();
    private long lastRan = System.nanoTime();
    /** The heap slot of the job stepping now, which a fresh carrier frees when the job keeps the old one. */
    private int steppingSlot = -1;

    SharedLane(LanePool pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    /** Starts the lane's first carrier. */
    void start() {
        startCarrier(true);
    }

    private void startCarrier(boolean prime) {
        Thread t = new Thread(() -> carry(prime), name);
        t.setDaemon(true);
        carrier = t;
        t.start();
    }

    /** Takes a job in: it steps at once on this lane. Any thread. */
    void adopt(Job job) {
        jobs.incrementAndGet();
        job.home = this;
        adopted.add(job);
        arrived = true;
        LockSupport.unpark(carrier);
    }

    /** Makes a job of this lane step now. Any thread. */
    void wake(Job job) {
        woken.add(job);
        arrived = true;
        LockSupport.unpark(carrier);
        pool.watch();
    }

    /** Jobs living on this lane (in its heap, parked on it, or stepping). */
    int jobs() {
        return jobs.get();
    }

    /** How many times a long step made this lane move to a fresh carrier. */
    long handovers() {
        return handovers;
    }

    Thread carrier() {
        return carrier;
    }

    /**
     * The watchdog's look: when a step has run longer than {@code longNanos}, takes the lane from its
     * carrier and gives it to a fresh one. Returns whether it did.
     */
    boolean rescue(long now, long longNanos) {
        long t = turn.get();
        if ((t & 1) == 0 || now - stepStarted < longNanos || !turn.compareAndSet(t, t + 1)) {
            return false;
        }
        handovers = handovers + 1;
        startCarrier(false);
        return true;
    }

    /**
     * The earliest time (nanoTime) at which a step of this lane could have run longer than
     * {@code longNanos}: that of the step running now, or of one beginning as the carrier's wait ends.
     */
    long watchAt(long longNanos) {
        long t = turn.get();
        long from = (t & 1) == 1 ? stepStarted : waitingUntil;
        return from == Long.MAX_VALUE ? Long.MAX_VALUE : from + longNanos;
    }

    private void carry(boolean prime) {
        Thread me = Thread.currentThread();
        long tid = OsThread.currentId();
        OsThread.lowerTimerSlack(tid);
        if (prime) {
            waiter.prime();
        } else if (steppingSlot >= 0) {
            heap.release(steppingSlot);
            steppingSlot = -1;
        }
        for (;;) {
            if (arrived) {
                takeArrivals();
            }
            if (heap.size() == 0) {
                waitingUntil = Long.MAX_VALUE;
                if (!arrived) {
                    Thread.interrupted();
                    LockSupport.park(this);
                }
                continue;
            }
            Job next = heap.first();
            long nextDue = heap.firstDue();
            long now = System.nanoTime();
            if (nextDue - now > 0) {
                waitingUntil = nextDue;
                if (nextDue - now <= SHORT_GAP_NANOS && next.precision() != Precision.SLEEP) {
                    if (!spinUntil(nextDue)) {
                        continue;
                    }
                } else {
                    long maxSpin = next.precision() == Precision.SLEEP ? 0
                            : Math.min(SpinBudget.perWait(next.intervalNanos()), (nextDue - lastRan) / IDLE_SHARE);
                    if (!waiter.awaitUntil(nextDue, maxSpin, false)) {
                        continue;
                    }
                }
            }
            heap.take(next);
            steppingSlot = next.slot;
            next.attach(me, tid);
            long t = turn.get() + 1;
            stepStarted = System.nanoTime();
            turn.set(t);
            long due = next.stepSafely();
            if (!turn.compareAndSet(t, t + 1)) {
                jobs.decrementAndGet();
                next.runOwn(due, pool, pool.shortSteps(), pool.longNanos(), tid);
                return;
            }
            lastRan = System.nanoTime();
            place(next, due);
        }
    }

    /** Spins until {@code due}, or until a job arrives or is woken: {@code false} then. */
    private boolean spinUntil(long due) {
        while (due - System.nanoTime() > 0) {
            if (arrived) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    private void place(Job job, long due) {
        if (due == Job.DONE) {
            heap.forget(job);
            jobs.decrementAndGet();
            job.home = null;
        } else if (due == Job.PARK) {
            job.parked = true;
        } else {
            job.due = due;
            heap.add(job);
        }
    }

    private void takeArrivals() {
        Job j;
        arrived = false;
        while ((j = adopted.poll()) != null) {
            j.parked = false;
            j.due = System.nanoTime();
            heap.add(j);
        }
        while ((j = woken.poll()) != null) {
            if (j.home != this) {
                continue;
            }
            if (heap.contains(j)) {
                heap.take(j);
            } else if (!j.parked) {
                continue;
            }
            j.parked = false;
            j.due = System.nanoTime();
            heap.add(j);
        }
    }
}
