package io.ptimer.agent.exec;

/**
 * A job on a {@link TimerLane}: a one-shot due at a point in time, or a periodic one on a
 * {@link Schedule}. Any thread may pause, resume or cancel it; its position in the lane's heap
 * belongs to the lane's thread.
 */
public final class Deadline extends Due {

    /** What a deadline runs on its lane's thread when it is due. */
    @FunctionalInterface
    public interface Task {
        /**
         * Runs once per due time. An exception is logged by the lane; count it in the task when it
         * matters. A {@link VirtualMachineError} also ends the deadline: it runs no more.
         */
        void run(Deadline deadline) throws Exception;
    }

    final TimerLane lane;
    final Task task;
    /** The interval in force; written by the lane's thread only, read by anyone. */
    volatile long interval;
    /** The interval an operator asked for; the lane puts it in force when it takes the deadline in. */
    private volatile long requestedInterval;
    final Schedule schedule;
    final Lateness lateness;
    /** Where the deadline is, as its lane sees it. */
    State state = State.NEW;

    enum State { NEW, QUEUED, PARKED, DONE }

    /** Who it runs for, in Flight Recorder's late and overrun events; none until described. */
    private volatile String system;
    private volatile String name;
    private volatile int worker = -1;
    private volatile boolean cancelled;
    /** Written once, by the lane's thread. */
    private volatile Throwable failure;
    private volatile boolean paused;
    private volatile long runs;
    /** The schedule's overruns, published by the lane for readers on other threads. */
    private volatile long overruns;

    Deadline(TimerLane lane, Task task, long due, long interval, Schedule schedule, Lateness lateness) {
        this.lane = lane;
        this.task = task;
        this.due = due;
        this.interval = interval;
        this.requestedInterval = interval;
        this.schedule = schedule;
        this.lateness = lateness;
    }

    /**
     * Names what the deadline runs for, so that its late runs and overruns are reported to Flight
     * Recorder: e.g. {@code core}, the timer's name, -1.
     *
     * @return this deadline
     */
    public Deadline describe(String system, String name, int worker) {
        this.system = system;
        this.worker = worker;
        this.name = name;
        return this;
    }

    /** The system it runs for, or {@code null} when not described. */
    String system() {
        return system;
    }

    String name() {
        return name;
    }

    int worker() {
        return worker;
    }

    /** No further runs; a run in progress completes. */
    public void cancel() {
        cancelled = true;
        lane.submit(this);
    }

    /** Skips the runs that fall due until {@link #resume}. */
    public void pause() {
        paused = true;
    }

    /** Runs again from the next point of its schedule; does nothing unless paused. */
    public void resume() {
        if (paused) {
            paused = false;
            lane.submit(this);
        }
    }

    /**
     * Changes a periodic deadline's interval from its next run on: the run pending moves by the
     * difference, to now at the earliest.
     */
    public void interval(long nanos) {
        if (nanos <= 0 || schedule == null) {
            throw new IllegalArgumentException("a periodic deadline's interval must be > 0, not " + nanos + " ns");
        }
        requestedInterval = nanos;
        lane.submit(this);
    }

    long requestedInterval() {
        return requestedInterval;
    }

    /** Whether it runs no more: cancelled, or ended by a {@link VirtualMachineError} of its task. */
    public boolean cancelled() {
        return cancelled;
    }

    /** What its task threw that ended it ({@link TimerLane}), or {@code null}. */
    public Throwable failure() {
        return failure;
    }

    /** Ends the deadline on its lane's thread: its task threw {@code fatal}. */
    void fail(Throwable fatal) {
        failure = fatal;
        cancelled = true;
    }

    public boolean paused() {
        return paused;
    }

    /** Runs so far. */
    public long runs() {
        return runs;
    }

    /** Periodic runs that ended past their next grid point. */
    public long overruns() {
        return overruns;
    }

    void overran() {
        overruns = schedule.overruns();
    }

    /** The interval of a periodic deadline in ns, 0 for a one-shot. */
    public long interval() {
        return interval;
    }

    void ran() {
        runs = runs + 1;
    }
}
