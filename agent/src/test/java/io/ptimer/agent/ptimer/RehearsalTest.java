package io.ptimer.agent.ptimer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.api.TimerContext;
import io.ptimer.api.TimerType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The JIT rehearsal: over before any worker's start route, its thread gone, the timers' routes untouched by it. */
class RehearsalTest {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final Set<Integer> LOOPED = ConcurrentHashMap.newKeySet();

    /** Routes that note whether the rehearsal was over when a worker's start route ran, and which loop came first. */
    public static class Routes {
        public static void start(TimerContext ctx) {
            SEEN.add("start over=" + Rehearsal.over() + " rehearsing=" + rehearsing());
        }

        public static void loop(TimerContext ctx) {
            SEEN.add(LOOPED.add(ctx.worker()) ? "first loop" : "loop");
        }

        public static void end(TimerContext ctx) {
            SEEN.add("end");
        }
    }

    private static boolean rehearsing() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("ptimer-rehearsal-0") && t.isAlive());
    }

    @Test
    void aWorkerStartsOnceTheRehearsalIsOverAndItsThreadIsGone() throws Exception {
        Ptimer timer = Timers.started("rehearsed", TimerType.SYNC, 2_000, 2, 0, 1, true, Routes.class);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (SEEN.stream().filter("loop"::equals).count() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(Rehearsal.over());
            List<String> starts = SEEN.stream().filter(e -> e.startsWith("start")).toList();
            assertEquals(List.of("start over=true rehearsing=false", "start over=true rehearsing=false"), starts);
            assertEquals(2, SEEN.stream().filter("first loop"::equals).count(), SEEN::toString);
            assertFalse(SEEN.contains("end"), "the rehearsal ended no timer: " + SEEN);
            assertEquals(0, timer.workers().stream().mapToLong(Worker::errors).sum());
        } finally {
            for (Worker w : timer.workers()) {
                w.shutdown();
                w.awaitStop(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            }
        }
    }
}
