package io.ptimer.agent.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void basicSleepsOneIntervalAfterEachLoop() {
        Schedule s = Schedule.afterEachRun();
        s.arm(1000, 100);
        assertEquals(1100, s.deadline());
        s.advance(1130, 100);
        assertEquals(1230, s.deadline());
        assertEquals(0, s.overruns());
    }

    @Test
    void syncRunsAtOnceThenKeepsItsGrid() {
        Schedule s = Schedule.onGrid(Overrun.REANCHOR);
        s.arm(1000, 100);
        assertEquals(1000, s.deadline());
        s.advance(1040, 100);
        assertEquals(1100, s.deadline());
        s.advance(1199, 100);
        assertEquals(1200, s.deadline());
        assertEquals(0, s.overruns());
    }

    @Test
    void syncOverrunStartsAtOnceAndReanchorsWithoutCatchUp() {
        Schedule s = Schedule.onGrid(Overrun.REANCHOR);
        s.arm(1000, 100);
        s.advance(1350, 100);
        assertEquals(1350, s.deadline());
        assertEquals(1, s.overruns());
        s.advance(1360, 100);
        assertEquals(1450, s.deadline());
    }

    @Test
    void resumeSkipsMissedGridPointsWithoutCountingOverruns() {
        Schedule s = Schedule.onGrid(Overrun.REANCHOR);
        s.arm(1000, 100);
        s.advance(1010, 100);
        s.skipPaused(1555, 100);
        assertEquals(1600, s.deadline());
        assertEquals(0, s.overruns());
        Schedule b = Schedule.afterEachRun();
        b.arm(1000, 100);
        b.skipPaused(5000, 100);
        assertEquals(5000, b.deadline());
    }

    @Test
    void aJumpRunsTheLoopAtOnceForBothTypes() {
        Schedule basic = Schedule.afterEachRun();
        basic.jump(700);
        assertEquals(700, basic.deadline());
        basic.advance(710, 100);
        assertEquals(810, basic.deadline());
        Schedule sync = Schedule.onGrid(Overrun.REANCHOR);
        sync.arm(0, 100);
        sync.jump(730);
        sync.advance(740, 100);
        assertEquals(830, sync.deadline(), "the grid restarts from the jump");
    }

    @Test
    void disarmMakesTheNextLoopPhaseStartAfresh() {
        Schedule s = Schedule.onGrid(Overrun.REANCHOR);
        assertFalse(s.armed());
        s.arm(0, 10);
        assertTrue(s.armed());
        s.disarm();
        assertFalse(s.armed());
    }

    @Test
    void skipKeepsThePhaseAndCountsTheGridPointsItSkipped() {
        Schedule s = Schedule.onGrid(Overrun.SKIP);
        s.arm(1000, 100);
        s.advance(1040, 100);
        assertEquals(1100, s.deadline());
        s.advance(1350, 100);
        assertEquals(1400, s.deadline(), "the next grid point after now, not now");
        assertEquals(1, s.overruns());
        assertEquals(2, s.skipped(), "1200 and 1300 were skipped");
        s.advance(1400, 100);
        assertEquals(1500, s.deadline(), "a run ending on a grid point overran nothing");
        assertEquals(2, s.skipped());
    }

    @Test
    void overTenThousandLoopsWithOverrunsSkipNeverDrifts() {
        Schedule skip = Schedule.onGrid(Overrun.SKIP);
        Schedule reanchor = Schedule.onGrid(Overrun.REANCHOR);
        skip.arm(0, 1000);
        reanchor.arm(0, 1000);
        for (int k = 0; k < 10_000; k++) {
            long late = k % 97 == 0 ? 2300 : 10;
            skip.advance(skip.deadline() + late, 1000);
            reanchor.advance(reanchor.deadline() + late, 1000);
        }
        assertEquals(0, skip.deadline() % 1000, "skip stays on the grid t0 + k·interval");
        assertTrue(reanchor.deadline() % 1000 != 0, "reanchor moves the phase with each overrun");
    }
}
