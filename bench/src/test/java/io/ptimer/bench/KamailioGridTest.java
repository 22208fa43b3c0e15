package io.ptimer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Kamailio's ptimer loops measured against the module's grid, on stamps whose answers are known. */
class KamailioGridTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 7_000 * MS;
    private static final long STAMP = 2_000;
    private static final long WAKE = 50_000;

    @Test
    void aWakeUpLateByTheSameEveryLoopIsNotHidden() {
        long[] starts = new long[20];
        long[] ends = new long[20];
        for (int k = 0; k < starts.length; k++) {
            starts[k] = T0 + k * MS + (k == 0 ? 0 : WAKE);
            ends[k] = starts[k] + STAMP;
        }
        Result r = KamailioRunner.grid(new Kamailio.Stamps(starts, ends, 1), MS, 0, 20, 0);
        assertEquals(20, r.histogram().getTotalCount());
        assertEquals(0, r.histogram().getMinValue(), "the first loop runs at once, on its grid point");
        assertEquals(WAKE, r.histogram().getValueAtPercentile(50), WAKE / 100.0);
        assertEquals(0, r.overruns());
    }

    @Test
    void aLoopRunAtOnceAfterAnOverrunRestartsTheGridThere() {
        // loop 5 ends 1.3 ms after it began, past grid point 6: loop 6 runs at once and the grid
        // goes on from there; every other loop wakes 50 µs late
        long[] starts = new long[16];
        long[] ends = new long[16];
        for (int k = 0; k < 6; k++) {
            starts[k] = T0 + k * MS + (k == 0 ? 0 : WAKE);
            ends[k] = starts[k] + (k == 5 ? 1_300_000 : STAMP);
        }
        long restart = ends[5] + 3_000;
        for (int k = 6; k < starts.length; k++) {
            starts[k] = restart + (k - 6) * MS + (k == 6 ? 0 : WAKE);
            ends[k] = starts[k] + STAMP;
        }
        Result r = KamailioRunner.grid(new Kamailio.Stamps(starts, ends, 1), MS, 0, 16, 0);
        assertEquals(1, r.overruns());
        assertEquals(2, r.histogram().getCountBetweenValues(0, 0),
                "the first loop and the one run at once are on time");
        assertEquals(WAKE, r.histogram().getValueAtPercentile(90), WAKE / 100.0, "the others woke 50 µs late");
    }

    @Test
    void aProcessHeldUpBeforeReadingItsClockRestartsTheGridLater() {
        // after loop 4 the process is held up 3 ms before it reads its clock: past grid point 5,
        // so loop 5 runs at once, 3 ms after loop 4 ended, and the grid restarts there
        long[] starts = new long[24];
        long[] ends = new long[24];
        for (int k = 0; k < 5; k++) {
            starts[k] = T0 + k * MS + (k == 0 ? 0 : WAKE);
            ends[k] = starts[k] + STAMP;
        }
        long restart = ends[4] + 3 * MS;
        for (int k = 5; k < starts.length; k++) {
            starts[k] = restart + (k - 5) * MS + (k == 5 ? 0 : WAKE);
            ends[k] = starts[k] + STAMP;
        }
        Result r = KamailioRunner.grid(new Kamailio.Stamps(starts, ends, 1), MS, 0, 24, 0);
        assertEquals(1, r.overruns());
        assertEquals(WAKE, r.histogram().getMaxValue(), WAKE / 100.0, "no loop is taken as 3 ms late");
    }
}
