package io.ptimer.agent.exec;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Something a lane runs when it falls due: its due time and its slot in the lane's {@link DueHeap},
 * both the lane's. Of two due at the same time the one made first runs first, every time, so that
 * timers aligned to one point keep their order from one cycle to the next.
 */
abstract class Due {
    private static final AtomicInteger MADE = new AtomicInteger();
    /** When it is due, on {@link System#nanoTime()}. */
    long due;
    /**
     * Its slot in a lane's heap, kept while the lane runs it between two of its places in the heap;
     * -1 when it has none. A job that left a lane behind its back still holds the number, which the
     * heap does not trust ({@link DueHeap#contains}).
     */
    int slot = -1;
    /** The order it was made in, which breaks ties between equal due times. */
    final int seq = MADE.getAndIncrement();
}
