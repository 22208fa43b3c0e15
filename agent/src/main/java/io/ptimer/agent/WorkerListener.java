package io.ptimer.agent;

import java.util.Locale;

/**
 * Hears a worker's state changes. Called on the worker's own thread, at most a few times per
 * cycle and never per loop iteration; it must return quickly and not throw.
 */
interface WorkerListener {

    /** What a worker just did or is about to do. */
    enum Event {
        /** The start route is about to run. */
        START,
        /** The worker enters its loop (after start, or on a {@code loop} request). */
        LOOP,
        /** The end route is about to run. */
        END,
        /** The worker was paused by a request, or pauses after its end route. */
        PAUSED,
        /** A paused worker goes on, by {@code continue} or a jump. */
        RESUMED;

        /** The lower-case name used in notification types and messages. */
        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    void changed(Worker worker, Event event);
}
