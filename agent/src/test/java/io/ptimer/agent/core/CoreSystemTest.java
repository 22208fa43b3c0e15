package io.ptimer.agent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.exec.Precision;
import io.ptimer.agent.exec.Ticks;
import io.ptimer.agent.exec.TimerLane;
import io.ptimer.agent.support.Await;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoreSystemTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final TimerLane shared = new TimerLane(CoreSystem.SHARED_LANE, Precision.HYBRID);
    private final CoreSystem core = new CoreSystem(new Ticks(), () -> {
        shared.start();
        return shared;
    });

    @AfterEach
    void stop() {
        core.timers().forEach(CoreTimer::cancel);
        shared.stop();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, 20, condition);
    }

    @Test
    void sharedTimersRunOnPtimerCoreAndProcessesOnTheirOwnThread() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        Object param = new Object();
        core.register("a", (ticks, p) -> {
            assertTrue(p == param);
            threads.add("a " + Thread.currentThread().getName());
            runs.incrementAndGet();
        }, param, 5 * MS, false);
        core.register("b.1", (ticks, p) -> threads.add("b.1 " + Thread.currentThread().getName()), null, 5 * MS, true);
        await("runs", () -> runs.get() >= 3 && threads.size() == 2);
        assertEquals(Set.of("a ptimer-core", "b.1 ptimer-core-b.1"), threads);
        assertTrue(core.timer("b.1").threadName().equals("ptimer-core-b.1"));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("ptimer-core")).allMatch(Thread::isDaemon));
    }

    @Test
    void aThrowingFunctionIsCountedAndGoesOn() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CoreTimer t = core.register("boom", (ticks, p) -> {
            runs.incrementAndGet();
            throw new IllegalStateException("boom");
        }, null, 3 * MS, false);
        await("five runs", () -> runs.get() >= 5);
        assertTrue(t.errors().count() >= 5);
        assertEquals("java.lang.IllegalStateException: boom", t.errors().last());
    }

    @Test
    void aCancelledTimerRunsNoMoreAndFreesItsName() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CoreTimer t = core.register("t", (ticks, p) -> runs.incrementAndGet(), null, 3 * MS, true);
        await("runs", () -> runs.get() >= 2);
        assertEquals("timer name \"t\" is already registered (every 3ms, dedicated); cancel it first",
                assertThrows(IllegalArgumentException.class,
                        () -> core.register("t", (ticks, p) -> { }, null, MS, false)).getMessage());
        t.close();
        assertTrue(t.cancelled());
        int seen = runs.get();
        Thread.sleep(50);
        assertTrue(runs.get() <= seen + 1, "at most the run in progress completes");
        CoreTimer again = core.register("t", (ticks, p) -> { }, null, MS, false);
        assertFalse(again.cancelled());
        assertEquals(again, core.timer("t"));
    }

    @Test
    void badArgumentsNameTheValue() {
        assertEquals("timer name \"a b\" is not allowed: use letters, digits, '_', '.' and '-' (at least one)",
                assertThrows(IllegalArgumentException.class, () -> core.register("a b", (t, p) -> { }, null, MS, false))
                        .getMessage());
        assertEquals("timer name \"\" is not allowed: use letters, digits, '_', '.' and '-' (at least one)",
                assertThrows(IllegalArgumentException.class, () -> core.register("", (t, p) -> { }, null, MS, false))
                        .getMessage());
        assertEquals("timer \"x\": the function is null",
                assertThrows(IllegalArgumentException.class, () -> core.register("x", null, null, MS, false)).getMessage());
        assertEquals("timer \"x\": interval must be > 0, not 0 ns",
                assertThrows(IllegalArgumentException.class, () -> core.register("x", (t, p) -> { }, null, 0, false))
                        .getMessage());
        assertEquals("unknown core timer \"y\" (core timers: none)",
                assertThrows(IllegalArgumentException.class, () -> core.timer("y")).getMessage());
    }
}
