package io.ptimer.agent.ptimer;

import io.ptimer.api.TimerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Routes that record the order in which they ran per worker, and any overlap. */
public class Sequence {
    static final Map<String, List<String>> RUNS = new ConcurrentHashMap<>();
    static final Map<String, AtomicBoolean> INSIDE = new ConcurrentHashMap<>();
    static final List<String> VIOLATIONS = new ArrayList<>();

    private static void run(TimerContext ctx, String route) {
        String key = ctx.name() + "/" + ctx.worker();
        AtomicBoolean inside = INSIDE.computeIfAbsent(key, k -> new AtomicBoolean());
        if (!inside.compareAndSet(false, true)) {
            synchronized (VIOLATIONS) {
                VIOLATIONS.add(key + " ran " + route + " inside another route");
            }
        }
        List<String> runs = RUNS.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (runs) {
            runs.add(route);
        }
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
