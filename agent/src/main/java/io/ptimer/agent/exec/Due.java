package io.ptimer.agent.exec;

/** Something a lane runs when it falls due: its due time and its place in the lane's {@link DueHeap}, both the lane's. */
abstract class Due {
    /** When it is due, on {@link System#nanoTime()}. */
    long due;
    /** Its index in the heap, -1 when it is not in one. */
    int index = -1;
}
