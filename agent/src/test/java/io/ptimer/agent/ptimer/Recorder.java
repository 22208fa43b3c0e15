package io.ptimer.agent.ptimer;

import io.ptimer.api.TimerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Routes for in-process worker tests: they record what ran, on which instance, with which vars. */
public class Recorder {
    static final Map<String, List<String>> EVENTS = new ConcurrentHashMap<>();
    static final AtomicInteger INSTANCES = new AtomicInteger();
    static volatile CountDownLatch gate;

    private final int id = INSTANCES.incrementAndGet();

    static void reset() {
        EVENTS.clear();
        gate = null;
    }

    static List<String> events(String timer, int worker) {
        List<String> list = EVENTS.get(timer + "/" + worker);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }

    private void record(TimerContext ctx, String what) {
        List<String> list = EVENTS.computeIfAbsent(ctx.name() + "/" + ctx.worker(), k -> new ArrayList<>());
        synchronized (list) {
            list.add(what);
        }
    }

    public void start(TimerContext ctx) {
        record(ctx, "start#" + id + " vars=" + ctx.vars().keySet());
        ctx.vars().put("since", "start#" + id);
    }

    public void loop(TimerContext ctx) throws InterruptedException {
        record(ctx, "loop#" + id + " vars=" + ctx.vars().keySet());
        CountDownLatch g = gate;
        if (g != null) {
            g.await();
        }
    }

    public void end(TimerContext ctx) {
        record(ctx, "end#" + id + " vars=" + ctx.vars().keySet());
    }
}
