package io.ptimer.agent.rtimer;

import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.RouteRunner;
import io.ptimer.agent.exec.Lateness;
import io.ptimer.agent.exec.Periodic;
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
    /** Belongs to the lane's thread; its figures are read by anyone. */
    private final RouteRunner runner;
    /** Written on the lane's thread. */
    private final Lateness lateness = new Lateness();
    /** Thread-safe. */
    private final Periodic run;
    /** Its interval is set by operators, read by the routes. */
    private final ThreadContext ctx;

    /** @param shared the shared lane, or {@code null} for a lane of its own */
    RtimerThread(RtimerSpec spec, int index, List<BoundRoute> execs, Ticks ticks, TimerLane shared) {
        this.index = index;
        this.runner = new RouteRunner("rtimer \"" + spec.name() + "\" thread " + index);
        ThreadContext ctx = new ThreadContext(spec, index, ticks);
        this.ctx = ctx;
        BoundRoute[] routes = execs.toArray(BoundRoute[]::new);
        this.run = new Periodic(shared, "rtimer-" + spec.name() + "-" + index, spec.intervalNanos(),
                Schedule.afterEachRun(), lateness, d -> {
                    for (BoundRoute route : routes) {
                        runner.run("exec", route, ctx);
                    }
                }).describe("rtimer", spec.name(), index).start();
        this.threadName = run.thread().getName();
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
        if (run.deadline().cancelled()) {
            return run.deadline().failure() == null ? "stopped" : "failed";
        }
        return paused() ? "paused" : "sleeping";
    }

    public boolean paused() {
        return run.deadline().paused();
    }

    void pause() {
        run.pause();
    }

    void resume() {
        run.resume();
    }

    /** Runs every {@code nanos} from the next run on; the run pending moves by the difference. */
    void interval(long nanos) {
        ctx.interval(nanos);
        run.deadline().interval(nanos);
    }

    void stop() {
        run.stop();
    }

    /** Runs of all exec routes so far. */
    public long runs() {
        return run.deadline().runs();
    }

    public long errors() {
        return runner.errorCount();
    }

    /** The last exception an exec route threw, or {@code null}. */
    public String lastError() {
        return runner.lastError();
    }

    public Lateness lateness() {
        return lateness;
    }
}
