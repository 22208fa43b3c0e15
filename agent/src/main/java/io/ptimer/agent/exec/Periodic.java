package io.ptimer.agent.exec;

/**
 * A periodic {@link Deadline} on the shared timer lane or on a lane of its own: the place an rtimer
 * thread and a core timer run, with pause, resume and stop. Stopping ends its own lane with it; the
 * shared lane is its owner's to stop. Any thread may pause, resume or stop it.
 */
public final class Periodic {
    /** Its own lane, or {@code null} on the shared one. */
    private final TimerLane ownLane;
    private final TimerLane lane;
    private final Deadline deadline;

    /**
     * A deadline first due one interval from now; on a lane of its own, it runs once {@link #start} is called.
     *
     * @param shared        the shared lane to run on, or {@code null} for a lane of its own
     * @param ownThreadName the name of that lane's thread, used only without {@code shared}
     * @param schedule      a new schedule, which the deadline keeps
     */
    public Periodic(TimerLane shared, String ownThreadName, long intervalNanos, Schedule schedule, Lateness lateness,
                    Deadline.Task task) {
        this.ownLane = shared == null ? new TimerLane(ownThreadName, Precision.HYBRID) : null;
        this.lane = shared == null ? ownLane : shared;
        this.deadline = lane.every(intervalNanos, schedule, lateness, task);
    }

    /** Names what it runs for in Flight Recorder's events (see {@link Deadline#describe}). @return this */
    public Periodic describe(String system, String name, int worker) {
        deadline.describe(system, name, worker);
        return this;
    }

    /** Starts its own lane, if it has one. @return this */
    public Periodic start() {
        if (ownLane != null) {
            ownLane.start();
        }
        return this;
    }

    /** Whether it runs on a lane of its own. */
    public boolean ownLane() {
        return ownLane != null;
    }

    /** The thread that runs it: its own lane's, or the shared lane's. */
    public Thread thread() {
        return lane.thread();
    }

    public Deadline deadline() {
        return deadline;
    }

    /** Skips the runs that fall due until {@link #resume}. */
    public void pause() {
        deadline.pause();
    }

    /** Runs again from the next point of its schedule. */
    public void resume() {
        deadline.resume();
    }

    /** No further runs, its own lane ended; a run in progress completes. */
    public void stop() {
        deadline.cancel();
        stopOwnLane();
    }

    /** Ends its own lane, if it has one, without cancelling the deadline (the JVM shuts down). */
    public void stopOwnLane() {
        if (ownLane != null) {
            ownLane.stop();
        }
    }
}
