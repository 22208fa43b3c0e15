package io.ptimer.agent.ptimer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.ptimer.Stamps.Stamp;
import io.ptimer.agent.support.Await;
import io.ptimer.api.TimerType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code set} on running workers, in process: each setting in force from the next loop, and for later starts. */
class LiveSettingsTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private Ptimer timer;

    @BeforeEach
    void clean() {
        Stamps.RUNS.clear();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (timer != null) {
            for (Worker w : timer.workers()) {
                w.shutdown();
                w.awaitStop(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, 10, condition);
    }

    private static List<Stamp> loops(String timer, int worker) {
        return Stamps.of(timer, worker).stream().filter(s -> s.route().equals("loop")).collect(Collectors.toList());
    }

    private static List<Stamp> loopsAfter(String timer, int worker, long nanos) {
        return loops(timer, worker).stream().filter(s -> s.nanos() - nanos > 0).collect(Collectors.toList());
    }

    @Test
    void aShorterIntervalMovesTheLoopPendingAndSpacesTheNextOnes() throws Exception {
        timer = Timers.started("iv", TimerType.SYNC, 10_000_000, 1, 0, 1, true, Stamps.class);
        await("first loop", () -> loops("iv", 0).size() == 1);
        long set = System.nanoTime();
        timer.set(Setting.parse("interval=20ms"), null);
        await("loops at the new interval", () -> loopsAfter("iv", 0, set).size() >= 6);
        List<Stamp> after = loopsAfter("iv", 0, set);
        assertTrue(after.get(0).nanos() - set < 500 * MS, "the 10 s wait was cut short: "
                + (after.get(0).nanos() - set) / MS + " ms");
        long span = after.get(5).nanos() - after.get(1).nanos();
        // Loops on a grid are never early, but any one may be late: the span may shrink by the first one's lateness.
        assertTrue(span >= 3 * 20 * MS && span < 4 * 20 * MS + 400 * MS, "four intervals of 20 ms: " + span / MS);
        assertEquals(20, after.get(5).intervalMillis(), "the context says so");
        assertEquals(20 * MS, timer.settings().intervalNanos());
    }

    @Test
    void ntasksAndNslicesApplyFromTheNextLoopAndToLaterStarts() throws Exception {
        timer = Timers.started("sl", TimerType.SYNCED_SLICE, 10_000, 1, 100, 4, true, Stamps.class);
        await("a few loops", () -> loops("sl", 0).size() >= 4);
        long set = System.nanoTime();
        timer.set(Setting.parse("ntasks=1000"), null);
        timer.set(Setting.parse("nslices=2"), null);
        await("loops with the new slices", () -> loopsAfter("sl", 0, set).size() >= 6);
        List<Stamp> after = loopsAfter("sl", 0, set);
        Stamp last = after.get(after.size() - 1);
        assertEquals(1000, last.ntasks());
        assertEquals(2, last.nslices());
        assertEquals(500, last.tasks(), "half of 1000 per slice: " + after);
        assertTrue(last.slice() == 0 || last.slice() == 1, after::toString);
        long restarted = System.nanoTime();
        timer.worker(0).request(Request.of("start"));
        await("a new start", () -> Stamps.of("sl", 0).stream().anyMatch(s -> s.route().equals("start")
                && s.nanos() - restarted > 0));
        Stamp start = Stamps.of("sl", 0).stream().filter(s -> s.route().equals("start") && s.nanos() - restarted > 0)
                .findFirst().get();
        assertEquals(1000, start.ntasks(), "a later start begins from the setting");
        assertEquals(2, start.nslices());
    }

    @Test
    void oneWorkersSettingLeavesTheOthersAndTheTimersAlone() throws Exception {
        timer = Timers.started("one", TimerType.SYNC, 10_000, 2, 10, 1, true, Stamps.class);
        await("loops", () -> loops("one", 0).size() >= 2 && loops("one", 1).size() >= 2);
        long set = System.nanoTime();
        timer.set(Setting.parse("ntasks=7"), 1);
        await("loops after", () -> loopsAfter("one", 1, set).size() >= 2 && loopsAfter("one", 0, set).size() >= 2);
        assertEquals(7, loopsAfter("one", 1, set).get(1).tasks(), "worker 1's tasks follow its ntasks");
        assertEquals(10, loopsAfter("one", 0, set).get(1).tasks(), "worker 0 keeps the timer's");
        assertEquals(10, timer.settings().ntasks(), "the timer-wide setting is unchanged");
    }

    @Test
    void badSettingsAreRefusedNamingWhatIsAllowed() throws Exception {
        assertEquals("\"workers\" cannot be set (settable: interval, ntasks, nslices)",
                assertThrows(IllegalArgumentException.class, () -> Setting.parse("workers=2")).getMessage());
        assertEquals("ntasks must be an integer >= 0, not \"-1\"",
                assertThrows(IllegalArgumentException.class, () -> Setting.parse("ntasks=-1")).getMessage());
        assertEquals("nslices must be an integer >= 1, not \"0\"",
                assertThrows(IllegalArgumentException.class, () -> Setting.parse("nslices=0")).getMessage());
        assertEquals("interval must be > 0, not \"0ms\"",
                assertThrows(IllegalArgumentException.class, () -> Setting.parse("interval=0ms")).getMessage());
        assertEquals("set takes attribute=value (interval, ntasks or nslices), not \"ntasks\"",
                assertThrows(IllegalArgumentException.class, () -> Setting.parse("ntasks")).getMessage());
        timer = Timers.started("bad", TimerType.SYNC, 10_000, 1, 10, 1, true, Stamps.class);
        Settings before = timer.settings();
        assertEquals("timer \"bad\" has no worker 3 (workers: 0..0)", assertThrows(IllegalArgumentException.class,
                () -> timer.set(Setting.parse("ntasks=5"), 3)).getMessage());
        assertEquals(before, timer.settings(), "nothing changed");
    }
}
