package io.ptimer.samples.calls;

import java.util.concurrent.TimeUnit;

/**
 * The most events found in any window of a fixed length, over events fed in time order. A window
 * is half-open, {@code [s, s + length)}: two events exactly one length apart never share one.
 */
public final class WindowMeter {
    private final long lengthNanos;
    private long[] ring = new long[256];
    private int head;
    private int size;
    private int max;
    private int sinceMark;

    public WindowMeter(long length, TimeUnit unit) {
        this.lengthNanos = unit.toNanos(length);
    }

    /** Adds an event at {@code nanos}, which must not be earlier than the last one added. */
    public void add(long nanos) {
        while (size > 0 && nanos - ring[head] >= lengthNanos) {
            head = (head + 1) % ring.length;
            size--;
        }
        if (size == ring.length) {
            grow();
        }
        ring[(head + size) % ring.length] = nanos;
        size++;
        max = Math.max(max, size);
        sinceMark = Math.max(sinceMark, size);
    }

    /** The most events in any window so far. */
    public int max() {
        return max;
    }

    /** The most events in any window that ended since the last call, then starts over. */
    public int takeMaxSinceMark() {
        int m = sinceMark;
        sinceMark = 0;
        return m;
    }

    private void grow() {
        long[] bigger = new long[ring.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) % ring.length];
        }
        ring = bigger;
        head = 0;
    }
}
