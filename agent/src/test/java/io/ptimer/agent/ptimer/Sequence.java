package io.ptimer.agent.ptimer;

import io.ptimer.api.TimerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Routes that record, per worker, every route run ({@code run:start}, {@code run:loop}, {@code run:end})
 * in one list with the worker's announcements that {@link #listener()} hears on the same thread, and
 * any route that runs inside another.
 */
public class Sequence {
    static final Map<String, List<String>> TRACE = new ConcurrentHashMap<>();
    static final Map<String, AtomicBoolean> INSIDE = new ConcurrentHashMap<>();
    static final List<String> VIOLATIONS = new ArrayList<>();

    static String key(String timer, int worker) {
        return timer + "/" + worker;
    }

    /** A copy of one worker's events so far. */
    static List<String> trace(String key) {
        List<String> list = TRACE.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }

    private static void record(String key, String event) {
        List<String> list = TRACE.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (list) {
            list.add(event);
        }
    }

    /** Records the workers' announcements among the route runs. */
    static WorkerListener listener() {
        return (worker, event) -> record(key(worker.context().name(), worker.index()), event.key());
    }

    private static void run(TimerContext ctx, String route) {
        String key = key(ctx.name(), ctx.worker());
        AtomicBoolean inside = INSIDE.computeIfAbsent(key, k -> new AtomicBoolean());
        if (!inside.compareAndSet(false, true)) {
            synchronized (VIOLATIONS) {
                VIOLATIONS.add(key + " ran " + route + " inside another route");
            }
        }
        record(key, "run:" + route);
        Thread.onSpinWait();
        inside.set(false);
    }

    public void start(TimerContext ctx) {
        run(ctx, "start");
    }

    public void loop(TimerContext ctx) {
        run(ctx, "loop");
    }

    public void end(TimerContext ctx) {
        run(ctx, "end");
    }
}
