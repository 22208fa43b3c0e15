package io.ptimer.agent.rtimer;

import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.RouteRunner;
import io.ptimer.agent.exec.Deadline;
import io.ptimer.agent.exec.Lateness;
import io.ptimer.agent.exec.Precision;
import io.ptimer.agent.exec.Schedule;
import io.ptimer.agent.exec.Ticks;
import io.ptimer.agent.exec.TimerLane;
import java.util.List;

/**
 * One thread of an rtimer: every interval after its last run ended, it runs all the exec routes
 * one after another. An exception from one is counted and logged, and the next still runs.
 */
public final class RtimerThread {
    private final int index;
    private final String threadName;
    private final TimerLane ownLane;
    private final RouteRunner runner;
    private final Lateness lateness = new Lateness();
    private final Deadline deadline;
    private final ThreadContext ctx;

    RtimerThread(RtimerSpec spec, int index, List<BoundRoute> execs, Ticks ticks, TimerLane shared) {
        this.index = index;
        this.ownLane = shared == null ? new TimerLane("rtimer-" + spec.name() + "-" + index,
                Precision.HYBRID) : null;
        TimerLane lane = ownLane != null ? ownLane : shared;
        this.threadName = lane.thread().getName();
        this.runner = new RouteRunner("rtimer \"" + spec.name() + "\" thread " + index);
        ThreadContext ctx = new ThreadContext(spec, index, ticks);
        this.ctx = ctx;
        BoundRoute[] routes = execs.toArray(BoundRoute[]::new);
        this.deadline = lane.every(spec.intervalNanos(), Schedule.afterEachRun(), lateness, d -> {
            for (BoundRoute route : routes) {
                runner.run("exec", route, ctx);
            }
        }).describe("rtimer", spec.name(), index);
        if (ownLane != null) {
            ownLane.start();
        }
    }

    public int index() {
        return index;
    }

    /** The name of the thread that runs it: its own, or the shared lane's. */
    public String threadName() {
        return threadName;
    }

    /** A word for operators: exec (running a route), sleeping, paused or stopped. */
    public String state() {
        if (runner.running() != null) {
            return runner.running();
        }
        if (deadline.cancelled()) {
            return "stopped";
        }
        return deadline.paused() ? "paused" : "sleeping";
    }

    public boolean paused() {
        return deadline.paused();
    }

    void pause() {
        deadline.pause();
    }

    void resume() {
        deadline.resume();
    }

    /** Runs every {@code nanos} from the next run on; the run pending moves by the difference. */
    void interval(long nanos) {
        ctx.interval(nanos);
        deadline.interval(nanos);
    }

    void stop() {
        deadline.cancel();
        if (ownLane != null) {
            ownLane.stop();
        }
    }

    /** Runs of all exec routes so far. */
    public long runs() {
        return deadline.runs();
    }

    public long errors() {
        return runner.errors().count();
    }

    /** The last exception an exec route threw, or {@code null}. */
    public String lastError() {
        return runner.errors().last();
    }

    public Lateness lateness() {
        return lateness;
    }
}
