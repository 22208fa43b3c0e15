package io.ptimer.agent.ptimer;

import io.ptimer.api.TimerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Routes for in-process tests of live settings: each loop and start records what its context says. */
public class Stamps {
    /** One route run: when, which route, and the context's values then. */
    record Stamp(long nanos, String route, long intervalMillis, int ntasks, int tasks, int nslices, int slice) {
    }

    static final Map<String, List<Stamp>> RUNS = new ConcurrentHashMap<>();

    static List<Stamp> of(String timer, int worker) {
        List<Stamp> list = RUNS.get(timer + "/" + worker);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }

    private static void record(TimerContext ctx, String route) {
        List<Stamp> list = RUNS.computeIfAbsent(ctx.name() + "/" + ctx.worker(), k -> new ArrayList<>());
        synchronized (list) {
            list.add(new Stamp(System.nanoTime(), route, ctx.interval().toMillis(), ctx.ntasks(), ctx.tasks(),
                    ctx.nslices(), ctx.slice()));
        }
    }

    public void start(TimerContext ctx) {
        record(ctx, "start");
    }

    public void loop(TimerContext ctx) {
        record(ctx, "loop");
    }

    public void end(TimerContext ctx) {
        record(ctx, "end");
    }
}
