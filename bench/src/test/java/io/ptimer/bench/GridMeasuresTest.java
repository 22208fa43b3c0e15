package io.ptimer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift and scale parts' measures on loop starts whose answers are known. */
class GridMeasuresTest {
    private static final long MS = 1_000_000L;
    private static final long ANCHOR = 5_000 * MS;

    @Test
    void skipPutsEachLoopOnItsGridPointAndCountsTheSkippedOnes() {
        DriftStamps stamps = new DriftStamps(MS, 2, 6, true);
        stamps.anchor(ANCHOR);
        long[] points = {0, 1, 2, 3, 6, 7, 8, 9};
        long[] late = {90_000, 30_000, 2_000, 700_000, 1_000, 3_000, 2_000, 2_500};
        for (int i = 0; i < points.length; i++) {
            long start = ANCHOR + points[i] * MS + late[i];
            stamps.store(start, start + 1_000);
        }
        Result r = stamps.result();
        assertEquals(6, r.loops());
        assertEquals(1, r.overruns(), "the loop late by 0.7 ms ended past the next grid point");
        assertEquals(0, r.histogram().getMinValue(), "placed at the earliest recorded loop");
        assertEquals(1_500, r.drift(), "the last loop on the grid of the first recorded one, never re-anchored");
        Drift.Counts counts = stamps.counts(2);
        assertEquals(2, counts.skipped());
        assertEquals(10, counts.gridPoints());
        assertTrue(counts.checked() && counts.addsUp());
    }

    @Test
    void aFirstLoopLateOnColdCodeIsStillTheGridsFirstPoint() {
        DriftStamps stamps = new DriftStamps(MS, 0, 3, true);
        stamps.anchor(ANCHOR);
        long[] starts = {ANCHOR + 1_500_000, ANCHOR + 2 * MS + 3_000, ANCHOR + 3 * MS + 2_000};
        for (long start : starts) {
            stamps.store(start, start + 1_000);
        }
        Drift.Counts counts = stamps.counts(1);
        assertEquals(4, counts.gridPoints());
        assertTrue(counts.addsUp(), "the engine skipped grid point 1 after the first loop overran");
    }

    @Test
    void aGridThatSlipsDoesNotAddUpWithTheEnginesCount() {
        DriftStamps stamps = new DriftStamps(MS, 0, 4, true);
        stamps.anchor(ANCHOR);
        for (int i = 0; i < 4; i++) {
            long start = ANCHOR + i * MS + i * 400_000;
            stamps.store(start, start + 1_000);
        }
        Drift.Counts counts = stamps.counts(0);
        assertEquals(5, counts.gridPoints(), "the slip of 1.2 ms reads as one grid point more");
        assertFalse(counts.addsUp());
        DriftStamps alone = new DriftStamps(MS, 0, 1, true);
        alone.store(ANCHOR, ANCHOR + 1_000);
        assertFalse(alone.counts(-1).checked(), "without the MBean, no cross-check");
    }

    @Test
    void reanchorFollowsTheGridTheEngineRestartsAfterAnOverrun() {
        DriftStamps stamps = new DriftStamps(MS, 0, 4, false);
        stamps.anchor(ANCHOR);
        long[] starts = {ANCHOR, ANCHOR + MS, ANCHOR + 3 * MS + 500_000, ANCHOR + 3 * MS + 502_000};
        for (long start : starts) {
            stamps.store(start, start + 1_000);
        }
        Result r = stamps.result();
        assertEquals(4, r.loops());
        assertEquals(1, r.overruns());
        assertEquals(0, r.histogram().getMinValue());
        assertEquals(502_000, r.drift(), "the overrun moved the grid for good");
    }

    @Test
    void anEngineStartedGridIsPlacedAtTheEarliestRunOfItsFirstStretch() {
        Stamps stamps = new Stamps(new long[] {10 * MS}, 1_000 * MS);
        long started = ANCHOR + 50_000;
        stamps.firstDue(0, ANCHOR);
        for (int k = 0; k < 20; k++) {
            stamps.record(0, started + k * 10 * MS + (k == 0 ? 400_000 : 2_000 + k));
        }
        Result r = stamps.lateness(ANCHOR + 5 * MS, ANCHOR + 200 * MS, ANCHOR + 200 * MS, 0, true);
        assertEquals(19, r.loops(), "the cold first run is before the window");
        assertEquals(0, r.histogram().getMinValue());
        assertEquals(18, r.histogram().getMaxValue(), "each run's lateness on the grid placed at the earliest");
    }

    @Test
    void skipDoesNotTakeALoopNearlyAnIntervalLateForTheEarliest() {
        DriftStamps stamps = new DriftStamps(MS, 0, 6, true);
        stamps.anchor(ANCHOR);
        long grid = ANCHOR + 15_000;
        long[] starts = {grid + 300, grid + MS + 200, grid + 2 * MS + 995_000, grid + 3 * MS + 100, grid + 4 * MS + 300,
            grid + 5 * MS + 200};
        for (long start : starts) {
            stamps.store(start, start + 1_000);
        }
        Result r = stamps.result();
        assertEquals(0, r.histogram().getMinValue(), "placed at the earliest loop, 0.1 µs after its point");
        assertEquals(994_900, r.histogram().getMaxValue(), 1_000,
                "the loop 0.995 ms late is on its own point, not 5 µs ahead of the next");
        assertEquals(100, r.drift(), "the grid is where the engine started it, 15 µs after the anchor");
    }

    @Test
    void aReplayRestartsWhereTheEngineDidAndCountsAColdFirstLoopLate() {
        long t0 = ANCHOR;
        long[] starts = {t0 + 320_000, t0 + MS + 1_000, t0 + 2 * MS + 1_000, t0 + 4 * MS + 200_000,
            t0 + 4 * MS + 205_000, t0 + 5 * MS + 206_000, t0 + 6 * MS + 206_000};
        Lateness replay = Lateness.replay(MS, starts, endedAfter(starts, 1_000));
        assertEquals(319_000, replay.placed(0), "the first loop began 0.3 ms after the grid started");
        assertEquals(0, replay.placed(1));
        assertEquals(1_199_000, replay.placed(3), "1.2 ms late, on the grid before the restart");
        for (int i = 4; i < starts.length; i++) {
            assertTrue(replay.placed(i) <= 1_000, "on the restarted grid: loop " + i + " " + replay.placed(i));
        }
    }

    @Test
    void aReplayRestartsAfterAColdFirstRouteThatRanPastTheNextGridPoint() {
        long t0 = ANCHOR;
        long[] starts = {t0, t0 + 1_414_000, t0 + 2_400_000, t0 + 3_402_000, t0 + 4_400_000};
        long[] ends = endedAfter(starts, 1_000);
        ends[0] = t0 + 1_400_000;
        Lateness replay = Lateness.replay(MS, starts, ends);
        assertEquals(0, replay.placed(0));
        assertEquals(14_000, replay.placed(1), "run at once, 14 µs after the first loop's route returned");
        assertEquals(0, replay.placed(2), "on the grid the engine restarted, not 0.4 ms late on the first loop's");
        assertEquals(2_000, replay.placed(3));
    }

    @Test
    void aReplayRestartsWhereTheLoopsKeepTheNewPhaseOfALateLoop() {
        long[] starts = onGrid(ANCHOR, 20);
        for (int i = 5; i < starts.length; i++) {
            starts[i] += 290_000;
        }
        starts[7] += 3_000;
        Lateness replay = Lateness.replay(MS, starts, endedAfter(starts, 1_000));
        assertEquals(0, replay.placed(4));
        assertEquals(0, replay.placed(5), "the engine ran it at once after an overrun its route's stamps do not show");
        assertEquals(0, replay.placed(6), "on the grid the engine restarted, not 290 µs late on the old one");
        assertEquals(3_000, replay.placed(7));
    }

    @Test
    void aLateLoopFollowedByLoopsBackOnTheGridKeepsTheGrid() {
        long[] starts = onGrid(ANCHOR, 20);
        starts[5] += 290_000;
        Lateness replay = Lateness.replay(MS, starts, endedAfter(starts, 1_000));
        assertEquals(290_000, replay.placed(5));
        assertEquals(0, replay.placed(6));
    }

    @Test
    void loopsLateByDifferentAmountsAreNotTakenForANewGrid() {
        long[] starts = onGrid(ANCHOR, 20);
        for (int i = 5; i < starts.length; i++) {
            starts[i] += 100_000 + (i % 3) * 60_000;
        }
        Lateness replay = Lateness.replay(MS, starts, endedAfter(starts, 1_000));
        assertEquals(100_000, replay.placed(6), "a late stretch without a steady phase stays late");
        assertEquals(220_000, replay.placed(8));
    }

    @Test
    void roundsPooledWeighEveryLoopAlikeAndSplitAt3s() {
        long[] calm = onGrid(ANCHOR, 5_000);
        long[] stormy = onGrid(ANCHOR, 5_000);
        for (int i = 25; i < 3_000; i += 50) {
            stormy[i] += 80_000;
        }
        FirstSecond.Round a = FirstSecond.lateness(calm, endedAfter(calm, 1_000));
        FirstSecond.Round b = FirstSecond.lateness(stormy, endedAfter(stormy, 1_000));
        assertEquals(3_000, a.first().getTotalCount());
        assertEquals(2_000, a.steady().getTotalCount());
        FirstSecond.Round both = FirstSecond.pooled(List.of(a, b));
        assertEquals(6_000, both.first().getTotalCount());
        assertEquals(4_000, both.steady().getTotalCount());
        assertTrue(b.first().getValueAtPercentile(99) >= 79_000, "60 of 3,000 loops late is 2%, past the p99");
        assertEquals(0, both.first().getValueAtPercentile(99), "60 of 6,000 pooled is 1%, at the p99");
        assertEquals(b.worstAt(), both.worstAt(), "the latest loop is the stormy round's");
    }

    private static long[] onGrid(long t0, int loops) {
        long[] starts = new long[loops];
        for (int i = 0; i < loops; i++) {
            starts[i] = t0 + i * MS;
        }
        return starts;
    }

    private static long[] endedAfter(long[] starts, long nanos) {
        long[] ends = new long[starts.length];
        for (int i = 0; i < starts.length; i++) {
            ends[i] = starts[i] + nanos;
        }
        return ends;
    }
}
