package io.ptimer.cluster.raft;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The clock offset to the leader, measured NTP-style: a probe carries this JVM's time out, the
 * leader's answer carries the leader's time back, and the offset is the leader's time minus the
 * middle of the round trip, known within half of it. The narrowest of the recent round trips wins.
 * Answers come on JGroups' threads; the figures are volatile.
 */
final class ClockProbe {
    static final byte PROBE = 1;
    static final byte ANSWER = 2;
    /** How many recent answers are kept; the one with the shortest round trip gives the offset. */
    private static final int KEPT = 16;
    private final long[] offsets = new long[KEPT];
    private final long[] errors = new long[KEPT];
    private int next;
    private int count;
    private volatile long offset = Long.MIN_VALUE;
    private volatile long error = Long.MIN_VALUE;
    /** {@link System#nanoTime()} of the last answer taken in. */
    private long answeredAt;

    /** Wall-clock time in ns since the epoch. */
    static long wallNanos() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static byte[] probe() {
        return ByteBuffer.allocate(9).put(PROBE).putLong(wallNanos()).array();
    }

    /** The leader's answer to {@code probe}: its send time and the leader's time now. */
    static byte[] answer(byte[] probe, int offset) {
        long sent = ByteBuffer.wrap(probe, offset + 1, 8).getLong();
        return ByteBuffer.allocate(17).put(ANSWER).putLong(sent).putLong(wallNanos()).array();
    }

    /** Takes in an answer from the leader. */
    synchronized void answered(byte[] answer, int at) {
        long received = wallNanos();
        ByteBuffer b = ByteBuffer.wrap(answer, at + 1, 16);
        long sent = b.getLong();
        long leader = b.getLong();
        long rtt = received - sent;
        if (rtt < 0) {
            return;
        }
        answeredAt = System.nanoTime();
        offsets[next] = leader - (sent + rtt / 2);
        errors[next] = rtt / 2;
        next = (next + 1) % KEPT;
        count = Math.min(count + 1, KEPT);
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (errors[i] < errors[best]) {
                best = i;
            }
        }
        offset = offsets[best];
        error = errors[best];
    }

    /** This JVM leads: its clock is the reference. */
    synchronized void leading() {
        count = 0;
        offset = 0;
        error = 0;
    }

    /** Whether an answer was taken in within the last {@code nanos} and not forgotten since. */
    synchronized boolean answeredWithin(long nanos) {
        return count > 0 && System.nanoTime() - answeredAt < nanos;
    }

    /** A new leader: what was measured no longer holds. */
    synchronized void forget() {
        count = 0;
        offset = Long.MIN_VALUE;
        error = Long.MIN_VALUE;
    }

    long offset() {
        return offset;
    }

    long error() {
        return error;
    }
}
