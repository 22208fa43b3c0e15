package io.ptimer.agent.exec;

import io.ptimer.agent.jfr.Flight;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One daemon thread running many {@link Deadline}s: a binary heap ordered by due time, a precise
 * wait for the nearest, and the runs one after another, so a slow run delays the others. Adding,
 * cancelling or resuming costs O(log n); nothing is scanned per tick. Other threads hand deadlines
 * over through a concurrent queue; the heap belongs to the lane's thread.
 */
public final class TimerLane {
    /** A wait spins at most 1/{@value} of the idle time before its deadline. */
    private static final int IDLE_SHARE = 10;
    private final Queue<Deadline> arrivals = new ConcurrentLinkedQueue<>();
    private final DedicatedLane lane;
    /**
     * What the lane's own tasks let escape, counted and logged at most once a second: a safety net, as
     * every system's task catches its routes' errors except a {@link VirtualMachineError}, which also
     * ends the deadline whose task threw it while the lane goes on with the others.
     */
    private final Errors escaped;
    private final DueHeap<Deadline> heap = new DueHeap<>();
    private volatile int pending;
    private volatile boolean stopping;
    /** Written under the lane's monitor, read by anyone. */
    private volatile boolean started;
    /**
     * When the last run ended (nanoTime): a wait spins at most a tenth of the idle time
     * before its deadline, so a lane with many deadlines parks between them instead of spinning.
     */
    private long lastRan = System.nanoTime();

    /** @param threadName e.g. {@code ptimer-core} */
    public TimerLane(String threadName, Precision precision) {
        this.lane = new DedicatedLane(threadName, precision, () -> stopping || !arrivals.isEmpty(), this::run);
        this.escaped = new Errors("ptimer: a task on " + threadName);
    }

    /** Starts the lane's thread, once. */
    public synchronized void start() {
        if (!started) {
            started = true;
            lane.start();
        }
    }

    /**
     * A periodic deadline, first due one interval from now.
     *
     * @param schedule a new {@link Schedule}, on a grid or after each run, that the deadline keeps
     * @param lateness where each run's lateness is recorded
     */
    public Deadline every(long intervalNanos, Schedule schedule, Lateness lateness, Deadline.Task task) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be > 0, not " + intervalNanos + " ns");
        }
        long first = System.nanoTime() + intervalNanos;
        schedule.jump(first);
        return submit(new Deadline(this, task, first, intervalNanos, schedule, lateness));
    }

    /** A one-shot deadline due at {@code due} ({@link System#nanoTime()}). */
    public Deadline at(long due, Lateness lateness, Deadline.Task task) {
        return submit(new Deadline(this, task, due, 0, null, lateness));
    }

    Deadline submit(Deadline d) {
        arrivals.add(d);
        lane.wake();
        return d;
    }

    /**
     * Deadlines waiting on this lane (due or not), as of the lane's last turn; while the lane takes
     * new ones in, one may be missing from the count for a moment.
     */
    public int pending() {
        return pending + arrivals.size();
    }

    /** Stops the lane after the run in progress; deadlines still pending never run. */
    public void stop() {
        stopping = true;
        lane.wake();
    }

    /** Waits for the lane's thread to end, at most until {@code deadline} (nanoTime). */
    public boolean awaitStop(long deadline) throws InterruptedException {
        return !started || lane.awaitStop(deadline);
    }

    public Thread thread() {
        return lane.thread();
    }

    /** The OS id of the lane's thread. */
    long osThreadId() {
        return lane.osThreadId();
    }

    private void run() {
        for (;;) {
            drainArrivals();
            if (stopping) {
                return;
            }
            if (heap.size() == 0) {
                lane.park();
                continue;
            }
            Deadline next = heap.first();
            long maxSpin = Math.min(next.interval > 0 ? SpinBudget.perWait(next.interval)
                    : DedicatedLane.MAX_ONE_SHOT_SPIN_NANOS, (next.due - lastRan) / IDLE_SHARE);
            if (!lane.awaitUntil(next.due, maxSpin) || !arrivals.isEmpty()) {
                continue;
            }
            heap.take(next);
            if (next.cancelled()) {
                leave(next, Deadline.State.DONE);
            } else if (next.paused()) {
                leave(next, Deadline.State.PARKED);
            } else {
                runDue(next);
            }
            pending = heap.size();
        }
    }

    /** Runs a deadline taken out of the heap, which keeps its slot and its state, queued, until it is back. */
    private void runDue(Deadline d) {
        long late = System.nanoTime() - d.due;
        try {
            d.task.run(d);
        } catch (Throwable t) {
            escaped.record(null, null, t);
            if (t instanceof VirtualMachineError) {
                d.fail(t);
            }
        }
        lastRan = System.nanoTime();
        d.lateness.record(late);
        d.ran();
        long threshold = Lateness.lateThreshold(d.interval);
        if (late > threshold && d.name() != null) {
            Flight.late(d.system(), d.name(), d.worker(), late, threshold);
        }
        if (d.schedule != null && !d.cancelled()) {
            long overruns = d.schedule.overruns();
            long nextPoint = d.due + d.interval;
            d.schedule.advance(lastRan, d.interval);
            if (d.schedule.overruns() != overruns) {
                d.overran();
                if (d.name() != null) {
                    Flight.overrun(d.system(), d.name(), d.worker(), d.interval, lastRan - nextPoint, 0);
                }
            }
            d.due = d.schedule.deadline();
            heap.add(d);
        } else {
            leave(d, Deadline.State.DONE);
        }
    }

    /** A deadline taken out of the heap leaves it for {@code state}: done, or parked until resumed. */
    private void leave(Deadline d, Deadline.State state) {
        heap.forget(d);
        d.state = state;
    }

    private void drainArrivals() {
        Deadline d;
        while ((d = arrivals.poll()) != null) {
            if (d.requestedInterval() != d.interval && d.schedule != null) {
                retime(d);
            }
            if (d.cancelled()) {
                if (d.state == Deadline.State.QUEUED) {
                    remove(d);
                }
                d.state = Deadline.State.DONE;
                continue;
            }
            if (d.state != Deadline.State.NEW && d.state != Deadline.State.PARKED) {
                continue;
            }
            if (d.paused()) {
                d.state = Deadline.State.PARKED;
                continue;
            }
            if (d.state == Deadline.State.PARKED && d.schedule != null) {
                d.schedule.skipPaused(System.nanoTime(), d.interval);
                d.due = d.schedule.deadline();
            }
            insert(d);
        }
        pending = heap.size();
    }

    /** Puts a deadline's requested interval in force, moving its pending run. */
    private void retime(Deadline d) {
        long old = d.interval;
        d.interval = d.requestedInterval();
        d.schedule.retime(old, d.interval, System.nanoTime());
        if (d.state == Deadline.State.QUEUED) {
            remove(d);
            d.due = d.schedule.deadline();
            insert(d);
        } else if (d.state == Deadline.State.NEW) {
            d.due = d.schedule.deadline();
        }
    }

    private void insert(Deadline d) {
        d.state = Deadline.State.QUEUED;
        heap.add(d);
        pending = heap.size();
    }

    private void remove(Deadline d) {
        heap.remove(d);
        pending = heap.size();
    }
}
