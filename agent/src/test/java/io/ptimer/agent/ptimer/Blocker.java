package io.ptimer.agent.ptimer;

import io.ptimer.api.TimerContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Routes whose worker 0 sleeps in every loop while the others return at once; they note where each ran. */
public class Blocker {
    static final Map<Integer, Set<String>> LOOP_THREADS = new ConcurrentHashMap<>();
    static final Map<Integer, Long> PIDS = new ConcurrentHashMap<>();
    static final Set<Integer> ENDED = ConcurrentHashMap.newKeySet();
    static volatile long sleepMillis = 50;

    static void reset() {
        LOOP_THREADS.clear();
        PIDS.clear();
        ENDED.clear();
    }

    public void start(TimerContext ctx) {
    }

    public void loop(TimerContext ctx) throws InterruptedException {
        LOOP_THREADS.computeIfAbsent(ctx.worker(), k -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
        PIDS.put(ctx.worker(), ctx.pid());
        if (ctx.worker() == 0) {
            Thread.sleep(sleepMillis);
        }
    }

    public void end(TimerContext ctx) {
        ENDED.add(ctx.worker());
    }
}
