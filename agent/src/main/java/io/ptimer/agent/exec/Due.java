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
    /** Its slot in the heap, -1 when it is not in one. */
    int index = -1;
    /** The order it was made in, which breaks ties between equal due times. */
    final int seq = MADE.getAndIncrement();
}
