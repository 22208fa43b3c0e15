package io.ptimer.cluster.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClockProbeTest {
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    /** A leader's answer to a probe sent {@code ago} ns before now, the leader's clock {@code ahead} ns ahead. */
    private static byte[] answer(long ago, long ahead) {
        long sent = ClockProbe.wallNanos() - ago;
        return ByteBuffer.allocate(17).put(ClockProbe.ANSWER).putLong(sent).putLong(sent + ago / 2 + ahead).array();
    }

    @Test
    void theNarrowestRoundTripGivesTheOffsetWithinHalfOfIt() {
        ClockProbe clock = new ClockProbe();
        clock.answered(answer(TimeUnit.MILLISECONDS.toNanos(40), TimeUnit.MILLISECONDS.toNanos(50)), 0);
        clock.answered(answer(TimeUnit.MILLISECONDS.toNanos(2), TimeUnit.MILLISECONDS.toNanos(50)), 0);
        clock.answered(answer(TimeUnit.MILLISECONDS.toNanos(30), TimeUnit.MILLISECONDS.toNanos(50)), 0);
        assertEquals(50.0, clock.offset() / 1e6, 1.0);
        assertTrue(clock.error() <= TimeUnit.MILLISECONDS.toNanos(2), "error " + clock.error());
    }

    @Test
    void aMeasurementIsKeptOnlyWhileItsLastAnswerIsRecentAndNotForgotten() {
        ClockProbe clock = new ClockProbe();
        assertFalse(clock.answeredWithin(HOUR), "nothing answered yet");
        clock.answered(answer(TimeUnit.MILLISECONDS.toNanos(1), 0), 0);
        assertTrue(clock.answeredWithin(HOUR));
        assertFalse(clock.answeredWithin(0), "an answer is never younger than nothing");
        clock.forget();
        assertFalse(clock.answeredWithin(HOUR), "forgotten with a new leader");
        assertEquals(Long.MIN_VALUE, clock.offset());
        clock.answered(answer(TimeUnit.MILLISECONDS.toNanos(1), 0), 0);
        clock.leading();
        assertFalse(clock.answeredWithin(HOUR), "this JVM leads: nothing measured against another");
        assertEquals(0, clock.offset());
    }
}
