package io.ptimer.agent.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.Await;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared timer lane on its own: many deadlines on one thread, each on its own grid, no burst
 * after a slow run, cancel and pause, one-shots in due order. Bounds are what a busy 2-core machine
 * does; what is checked exactly is order, counts and "never early".
 */
class TimerLaneTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final TimerLane lane = new TimerLane("lane-test", Precision.HYBRID);

    @AfterEach
    void stop() throws InterruptedException {
        lane.stop();
        assertTrue(lane.awaitStop(System.nanoTime() + TimeUnit.SECONDS.toNanos(5)), "the lane stops");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, 20, condition);
    }

    /** Run times of one periodic deadline, and when it was registered. */
    private static final class Runs {
        final long registered = System.nanoTime();
        final long interval;
        final List<Long> at = new CopyOnWriteArrayList<>();

        Runs(long interval) {
            this.interval = interval;
        }
    }

    @Test
    void aThousandPeriodicDeadlinesEachKeepTheirOwnGrid() throws Exception {
        lane.start();
        long[] intervals = {10 * MS, 20 * MS, 30 * MS, 50 * MS, 70 * MS, 100 * MS, 150 * MS, 200 * MS};
        List<Runs> all = new ArrayList<>();
        List<Deadline> deadlines = new ArrayList<>();
        Lateness lateness = new Lateness();
        for (int i = 0; i < 1000; i++) {
            Runs runs = new Runs(intervals[i % intervals.length]);
            all.add(runs);
            deadlines.add(lane.every(runs.interval, Schedule.onGrid(Overrun.REANCHOR), lateness, d -> runs.at.add(System.nanoTime())));
        }
        Thread.sleep(1500);
        deadlines.forEach(Deadline::cancel);
        long stopped = System.nanoTime();
        for (Runs runs : all) {
            long possible = (stopped - runs.registered) / runs.interval;
            assertTrue(runs.at.size() <= possible, "no burst: " + runs.at.size() + " runs of " + runs.interval / MS
                    + " ms in at most " + possible + " grid points");
            assertTrue(runs.at.size() >= possible / 3, "it ran: " + runs.at.size() + " of " + possible);
            long previous = runs.registered;
            for (int k = 0; k < runs.at.size(); k++) {
                long run = runs.at.get(k);
                assertTrue(run - previous > 0, "runs one after another");
                assertTrue(run - (runs.registered + (k + 1) * runs.interval) >= 0,
                        "never before its grid point (run " + k + " of " + runs.interval / MS + " ms)");
                previous = run;
            }
        }
        assertEquals(all.stream().mapToLong(r -> r.at.size()).sum(), deadlines.stream().mapToLong(Deadline::runs).sum());
    }

    @Test
    void aSlowRunIsFollowedByOneRunAtOnceThenTheGridRestarts() throws Exception {
        lane.start();
        List<Long> starts = new CopyOnWriteArrayList<>();
        List<Long> ends = new CopyOnWriteArrayList<>();
        AtomicInteger n = new AtomicInteger();
        Deadline d = lane.every(20 * MS, Schedule.onGrid(Overrun.REANCHOR), new Lateness(), x -> {
            starts.add(System.nanoTime());
            if (n.incrementAndGet() == 3) {
                Thread.sleep(200);
            }
            ends.add(System.nanoTime());
        });
        await("eight runs", () -> starts.size() >= 8);
        d.cancel();
        // The slow run spans ten grid points: counted per missed point it would be ten overruns. A busy
        // machine may delay another run past its next point, so a little more than one is allowed.
        assertTrue(d.overruns() >= 1 && d.overruns() <= 3, "the slow run is one overrun: " + d.overruns());
        long atOnce = starts.get(3) - ends.get(2);
        assertTrue(atOnce < 15 * MS, "the run after the slow one starts at once: " + atOnce / 1000 + " µs");
        for (int k = 4; k < 8; k++) {
            long gap = starts.get(k) - starts.get(k - 1);
            assertTrue(gap > 0, "run " + k + " came " + gap / 1000 + " µs after the one before");
            // A catch-up burst would run the missed points at once, before this restarted grid.
            assertTrue(starts.get(k) - ends.get(2) >= (k - 3) * 20 * MS,
                    "no catch-up burst: run " + k + " keeps the grid that restarted when the slow run ended");
        }
    }

    @Test
    void aFixedDelayWaitsOneIntervalAfterEachRunEnds() throws Exception {
        lane.start();
        List<Long> starts = new CopyOnWriteArrayList<>();
        List<Long> ends = new CopyOnWriteArrayList<>();
        Deadline d = lane.every(15 * MS, Schedule.afterEachRun(), new Lateness(), x -> {
            starts.add(System.nanoTime());
            Thread.sleep(10);
            ends.add(System.nanoTime());
        });
        await("five runs", () -> starts.size() >= 5);
        d.cancel();
        for (int k = 1; k < 5; k++) {
            long delay = starts.get(k) - ends.get(k - 1);
            assertTrue(delay >= 15 * MS - MS / 10, "run " + k + " waited only " + delay / 1000 + " µs after the last ended");
        }
        assertEquals(0, d.overruns());
    }

    @Test
    void aCancelledDeadlineNeverRunsAgain() throws Exception {
        lane.start();
        AtomicInteger outside = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        Deadline cancelledOutside = lane.every(5 * MS, Schedule.onGrid(Overrun.REANCHOR), new Lateness(), d -> outside.incrementAndGet());
        lane.every(5 * MS, Schedule.onGrid(Overrun.REANCHOR), new Lateness(), d -> {
            if (inside.incrementAndGet() == 3) {
                d.cancel();
            }
        });
        await("runs", () -> outside.get() >= 3 && inside.get() >= 3);
        cancelledOutside.cancel();
        int seen = outside.get();
        Thread.sleep(100);
        assertTrue(outside.get() <= seen + 1, "at most the run in progress completes after cancel");
        assertEquals(3, inside.get(), "cancelled from its own run");
        assertTrue(cancelledOutside.cancelled());
        await("the heap is empty", () -> lane.pending() == 0);
    }

    @Test
    void aVirtualMachineErrorEndsTheDeadlineThatThrewItAndTheLaneGoesOn() throws Exception {
        lane.start();
        AtomicInteger failing = new AtomicInteger();
        AtomicInteger throwing = new AtomicInteger();
        AtomicInteger beside = new AtomicInteger();
        StackOverflowError overflow = new StackOverflowError();
        Deadline fatal = lane.every(5 * MS, Schedule.afterEachRun(), new Lateness(), d -> {
            if (failing.incrementAndGet() == 2) {
                throw overflow;
            }
        });
        lane.every(5 * MS, Schedule.afterEachRun(), new Lateness(), d -> {
            throwing.incrementAndGet();
            throw new IllegalStateException("on purpose");
        });
        lane.every(5 * MS, Schedule.afterEachRun(), new Lateness(), d -> beside.incrementAndGet());
        await("the other deadlines run on", () -> beside.get() >= 10 && throwing.get() >= 10);
        assertEquals(2, failing.get(), "no run after the error");
        assertTrue(fatal.cancelled());
        assertSame(overflow, fatal.failure());
    }

    @Test
    void aPausedDeadlineSkipsItsRunsUntilResumed() throws Exception {
        lane.start();
        AtomicInteger runs = new AtomicInteger();
        Deadline d = lane.every(5 * MS, Schedule.onGrid(Overrun.REANCHOR), new Lateness(), x -> runs.incrementAndGet());
        await("runs", () -> runs.get() >= 2);
        d.pause();
        Thread.sleep(20);
        int paused = runs.get();
        Thread.sleep(100);
        assertEquals(paused, runs.get(), "no run while paused");
        d.resume();
        await("runs again", () -> runs.get() >= paused + 3);
        d.cancel();
    }

    @Test
    void oneShotsDueOutOfOrderRunOnceEachInDueOrderAndNeverEarly() throws Exception {
        lane.start();
        Random random = new Random(42);
        long base = System.nanoTime() + 500 * MS;
        List<Long> dues = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            dues.add(base + random.nextInt(300) * MS / 3);
        }
        ConcurrentLinkedQueue<long[]> ran = new ConcurrentLinkedQueue<>();
        for (long due : dues) {
            lane.at(due, new Lateness(), d -> ran.add(new long[] {due, System.nanoTime()}));
        }
        await("every one-shot", () -> ran.size() == dues.size());
        Thread.sleep(20);
        assertEquals(dues.size(), ran.size(), "each runs once");
        long lastDue = ran.peek()[0];
        for (long[] r : ran) {
            assertTrue(r[0] - lastDue >= 0, "in due order");
            assertTrue(r[1] - r[0] >= 0, "never before its due time");
            lastDue = r[0];
        }
        assertEquals(0, lane.pending());
    }

    @Test
    void cancellingHalfOfTenThousandOneShotsLeavesTheOthersIntact() throws Exception {
        List<Deadline> all = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        List<Integer> cancelledRan = Collections.synchronizedList(new ArrayList<>());
        long base = System.nanoTime() + 200 * MS;
        for (int i = 0; i < 10_000; i++) {
            int id = i;
            all.add(lane.at(base + (i * 7919L % 10_000) * 10_000, new Lateness(), d -> {
                runs.incrementAndGet();
                if (id % 2 == 1) {
                    cancelledRan.add(id);
                }
            }));
        }
        lane.start();
        for (int i = 1; i < all.size(); i += 2) {
            all.get(i).cancel();
        }
        await("the rest", () -> runs.get() == 5000 && lane.pending() == 0);
        Thread.sleep(20);
        assertEquals(5000, runs.get());
        assertEquals(List.of(), cancelledRan);
    }
}
