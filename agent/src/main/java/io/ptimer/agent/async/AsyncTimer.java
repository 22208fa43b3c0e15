package io.ptimer.agent.async;

import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.RouteRunner;
import io.ptimer.agent.exec.Lateness;
import io.ptimer.agent.exec.Precision;
import io.ptimer.agent.exec.TimerLane;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code async-timer-<i>} thread: a timer lane holding delayed routes and sleeps as one-shot
 * deadlines, with the route runner, lateness and run count of that thread. Any thread may add; the
 * routes run on the lane's thread.
 */
final class AsyncTimer {
    private static final String SYSTEM = "async";
    private final int index;
    private final TimerLane lane;
    private final RouteRunner runner;
    private final Lateness lateness = new Lateness();
    private volatile long runs;

    AsyncTimer(int index, Precision precision) {
        this.index = index;
        String name = "async-timer-" + index;
        this.lane = new TimerLane(name, precision);
        this.runner = new RouteRunner(name);
    }

    void start() {
        lane.start();
    }

    /** Runs {@code call} on this thread at {@code due} ({@link System#nanoTime()}). */
    void at(long due, Call call) {
        lane.at(due, lateness, call).describe(SYSTEM, call.route(), index);
    }

    /** A future completed on this thread at {@code due}. */
    CompletableFuture<Void> sleep(long due) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        lane.at(due, lateness, d -> {
            runs++;
            done.complete(null);
        }).describe(SYSTEM, "sleep", index);
        return done;
    }

    /** Runs a due route; on the lane's thread. */
    void run(BoundRoute route, Call call) {
        runs++;
        runner.run("delayed", route, call);
    }

    void stop() {
        lane.stop();
    }

    boolean awaitStop(long deadline) throws InterruptedException {
        return lane.awaitStop(deadline);
    }

    Thread thread() {
        return lane.thread();
    }

    int pending() {
        return lane.pending();
    }

    long runs() {
        return runs;
    }

    long errors() {
        return runner.errorCount();
    }

    Lateness lateness() {
        return lateness;
    }
}
