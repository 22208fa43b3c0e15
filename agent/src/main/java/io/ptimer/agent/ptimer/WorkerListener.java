package io.ptimer.agent.ptimer;

import java.util.ArrayList;
import java.util.List;

/**
 * Hears a worker's state changes. Called on the worker's own thread, at most a few times per
 * cycle and never per loop iteration; it must return quickly and not throw.
 */
public interface WorkerListener {
    /** The worker was paused by a request, or pauses after its end route. */
    String PAUSED = "paused";
    /** A paused worker goes on, by {@code continue} or a jump. */
    String RESUMED = "resumed";

    /** Every event: a {@link Phase} key when the worker enters that route, then paused and resumed. */
    static List<String> events() {
        List<String> events = new ArrayList<>();
        for (Phase p : Phase.values()) {
            events.add(p.key());
        }
        events.add(PAUSED);
        events.add(RESUMED);
        return events;
    }

    /** @param event one of {@link #events()} */
    void changed(Worker worker, String event);
}
