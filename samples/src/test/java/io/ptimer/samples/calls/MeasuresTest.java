package io.ptimer.samples.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The samples' measures on event sequences whose answers are known. */
class MeasuresTest {
    private static final long MS = 1_000_000L;

    @Test
    void aWindowIsHalfOpenSoEventsOneLengthApartNeverShareIt() {
        WindowMeter meter = new WindowMeter(100, TimeUnit.MILLISECONDS);
        meter.add(0);
        meter.add(100 * MS);
        assertEquals(1, meter.max());
        meter.add(199 * MS);
        assertEquals(2, meter.max());
    }

    @Test
    void theMostInAnyWindowIsFoundWhereverTheWindowStarts() {
        WindowMeter meter = new WindowMeter(1, TimeUnit.SECONDS);
        for (int tick = 0; tick < 30; tick++) {
            for (int i = 0; i < 100; i++) {
                meter.add(tick * 100 * MS + i * 10_000L);
            }
        }
        assertEquals(1000, meter.max(), "ten ticks of 100 in any second");
        meter.add(3000 * MS);
        assertEquals(1000, meter.max(), "one second after tick 20's first relay, that relay has left the window");
        meter.add(3000 * MS + 1);
        assertEquals(1001, meter.max(), "two more within the second that holds the rest of tick 20");
        WindowMeter late = new WindowMeter(1, TimeUnit.SECONDS);
        for (int tick = 0; tick <= 10; tick++) {
            late.add(tick * 100 * MS + (tick == 0 ? 5 * MS : 0));
        }
        assertEquals(11, late.max(), "a late first tick puts eleven ticks in one second");
    }

    @Test
    void theBacklogRateOfAStaircaseIsItsStepsPerInterval() {
        BacklogRate rate = new BacklogRate(1.0);
        for (int tick = 0; tick < 40; tick++) {
            int calls = tick % 2 == 0 ? 104 : 96;
            for (int i = 0; i < calls; i++) {
                rate.add(new Relayed(tick * 100 * MS + i * 1000L, 0, "t", true));
            }
        }
        rate.add(new Relayed(4000 * MS, 0, "t", false));
        assertEquals(1000, rate.lowest(), 5);
        assertEquals(3.9, rate.seconds(), 0.01);
    }

    @Test
    void aBacklogShorterThanTheMinimumIsNotMeasured() {
        BacklogRate rate = new BacklogRate(1.0);
        rate.add(new Relayed(0, 0, "t", true));
        rate.add(new Relayed(500 * MS, 0, "t", true));
        rate.add(new Relayed(900 * MS, 0, "t", true));
        rate.close();
        assertTrue(Double.isNaN(rate.lowest()));
    }

    @Test
    void theGuardWaitsUntilTheOldestRelayLeavesTheWindow() {
        WindowGuard guard = new WindowGuard(new WindowGuard.Limit(2, 50 * MS));
        long start = System.nanoTime();
        guard.awaitRoom();
        guard.record(start);
        guard.awaitRoom();
        guard.record(start);
        assertTrue(System.nanoTime() - start < 50 * MS, "two fit at once");
        guard.awaitRoom();
        assertTrue(System.nanoTime() - start >= 50 * MS, "the third waits for the first to leave the window");
    }
}
