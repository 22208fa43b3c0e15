package io.ptimer.agent.core;

import io.ptimer.agent.config.Interval;
import io.ptimer.agent.exec.Deadline;
import io.ptimer.agent.exec.Errors;
import io.ptimer.agent.exec.Lateness;
import io.ptimer.agent.exec.Overrun;
import io.ptimer.agent.exec.Periodic;
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
    /** Thread-safe; counted on the lane's thread. */
    private final Errors errors;
    /** The last runs' lateness: a small window, as an application may register thousands of timers. Written on the lane's thread. */
    private final Lateness lateness = new Lateness(64);
    /** Thread-safe. */
    private final Periodic run;

    /** @param shared the shared lane, or {@code null} for a lane of its own */
    CoreTimer(String name, TimerFunction f, Object param, long intervalNanos, TimerLane shared, Ticks ticks) {
        this.name = name;
        this.intervalNanos = intervalNanos;
        this.errors = new Errors("ptimer: core timer \"" + name + "\"");
        this.run = new Periodic(shared, CoreSystem.SHARED_LANE + "-" + name, intervalNanos,
                Schedule.onGrid(Overrun.REANCHOR), lateness, d -> {
                    try {
                        f.run(ticks.seconds(), param);
                    } catch (Throwable t) {
                        errors.record(null, null, t);
                        if (t instanceof VirtualMachineError fatal) {
                            throw fatal;
                        }
                    }
                }).describe("core", name, -1).start();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void cancel() {
        if (!cancelled()) {
            run.stop();
        }
    }

    @Override
    public boolean cancelled() {
        return run.deadline().cancelled();
    }

    @Override
    public void close() {
        cancel();
    }

    /** Skips the runs that fall due until {@link #resume()}. */
    public void pause() {
        run.pause();
    }

    /** Runs again from the next point of its grid. */
    public void resume() {
        run.resume();
    }

    public boolean paused() {
        return run.deadline().paused();
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    /** {@code shared} on {@code ptimer-core}, {@code dedicated} on a thread of its own. */
    public String placement() {
        return run.ownLane() ? "dedicated" : "shared";
    }

    /** The name of the thread that runs it. */
    public String threadName() {
        return run.ownLane() ? run.thread().getName() : CoreSystem.SHARED_LANE;
    }

    public long runs() {
        return run.deadline().runs();
    }

    public long overruns() {
        return run.deadline().overruns();
    }

    public Errors errors() {
        return errors;
    }

    public Lateness lateness() {
        return lateness;
    }

    /** Stops its own lane, if it has one, without cancelling (the JVM shuts down). */
    void stopLane() {
        run.stopOwnLane();
    }

    @Override
    public String toString() {
        return "core timer " + name + " every " + Interval.format(intervalNanos) + " (" + placement() + ")";
    }
}
