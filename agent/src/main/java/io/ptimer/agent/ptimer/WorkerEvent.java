package io.ptimer.agent.ptimer;

import java.util.Locale;

/** A change of a worker's state that listeners hear of: it enters a route, pauses or goes on. */
public enum WorkerEvent {
    /** The worker enters its start route. */
    START,
    /** The worker enters its loop. */
    LOOP,
    /** The worker enters its end route. */
    END,
    /** The worker was paused by a request, or pauses after its end route. */
    PAUSED,
    /** A paused worker goes on, by {@code continue} or a jump. */
    RESUMED;

    private final String key = name().toLowerCase(Locale.ROOT);

    /** The word operators see, in notifications and Flight Recorder: {@code start}, ..., {@code resumed}. */
    public String key() {
        return key;
    }
}
