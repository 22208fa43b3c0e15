package io.ptimer.agent.core;

import io.ptimer.agent.config.Interval;
import io.ptimer.agent.exec.Deadline;
import io.ptimer.agent.exec.Errors;
import io.ptimer.agent.exec.Lateness;
import io.ptimer.agent.exec.Overrun;
import io.ptimer.agent.exec.Schedule;
import io.ptimer.agent.exec.Ticks;
import io.ptimer.agent.exec.TimerLane;
import io.ptimer.api.TimerFunction;
import io.ptimer.api.TimerHandle;

/**
 * One registered core timer: a periodic grid {@link Deadline} that calls its function with the
 * ticks and its parameter, on the shared lane or on a lane of its own.
 */
public final class CoreTimer implements TimerHandle {
    private final String name;
    private final long intervalNanos;
    private final TimerLane ownLane;
    private final Errors errors;
    /** The last runs' lateness: a small window, as an application may register thousands of timers. */
    private final Lateness lateness = new Lateness(64);
    private final Deadline deadline;

    CoreTimer(String name, TimerFunction f, Object param, long intervalNanos, TimerLane shared,
              Ticks ticks, TimerLane ownLane) {
        this.name = name;
        this.intervalNanos = intervalNanos;
        this.ownLane = ownLane;
        this.errors = new Errors("ptimer: core timer \"" + name + "\"");
        TimerLane lane = ownLane != null ? ownLane : shared;
        this.deadline = lane.every(intervalNanos, Schedule.onGrid(Overrun.REANCHOR), lateness, d -> {
            try {
                f.run(ticks.seconds(), param);
            } catch (Throwable t) {
                errors.record(null, null, t);
                if (t instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
            }
        }).describe("core", name, -1);
        if (ownLane != null) {
            ownLane.start();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void cancel() {
        if (!deadline.cancelled()) {
            deadline.cancel();
            if (ownLane != null) {
                ownLane.stop();
            }
        }
    }

    @Override
    public boolean cancelled() {
        return deadline.cancelled();
    }

    @Override
    public void close() {
        cancel();
    }

    /** Skips the runs that fall due until {@link #resume()}. */
    public void pause() {
        deadline.pause();
    }

    /** Runs again from the next point of its grid. */
    public void resume() {
        deadline.resume();
    }

    public boolean paused() {
        return deadline.paused();
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    /** {@code shared} on {@code ptimer-core}, {@code dedicated} on a thread of its own. */
    public String thread() {
        return ownLane == null ? "shared" : "dedicated";
    }

    /** The name of the thread that runs it. */
    public String threadName() {
        return ownLane == null ? CoreSystem.SHARED_LANE : ownLane.thread().getName();
    }

    public long runs() {
        return deadline.runs();
    }

    public long overruns() {
        return deadline.overruns();
    }

    public Errors errors() {
        return errors;
    }

    public Lateness lateness() {
        return lateness;
    }

    /** Stops its own lane, if it has one, without cancelling (the JVM shuts down). */
    void stopLane() {
        if (ownLane != null) {
            ownLane.stop();
        }
    }

    @Override
    public String toString() {
        return "core timer " + name + " every " + Interval.format(intervalNanos) + " (" + thread() + ")";
    }
}
