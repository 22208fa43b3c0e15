package io.ptimer.samples.calls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WindowGuardTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aFullWindowHoldsNoRelayPastTheDeadline() {
        WindowGuard guard = new WindowGuard(new WindowGuard.Limit(2, SECOND));
        long now = System.nanoTime();
        guard.record(now);
        guard.record(now);
        long start = System.nanoTime();
        assertFalse(guard.awaitRoom(start + TimeUnit.MILLISECONDS.toNanos(10)), "room only in a second");
        assertTrue(System.nanoTime() - start < SECOND / 2, "it answered at once rather than waiting");
    }

    @Test
    void roomBeforeTheDeadlineIsGiven() {
        WindowGuard guard = new WindowGuard(new WindowGuard.Limit(2, SECOND));
        guard.record(System.nanoTime());
        assertTrue(guard.awaitRoom(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10)));
    }
}
