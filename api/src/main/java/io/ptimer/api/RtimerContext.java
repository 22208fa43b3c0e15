package io.ptimer.api;

import java.time.Duration;

/**
 * What an rtimer exec route sees of its timer: Kamailio's rtimer module runs every exec route of a
 * timer on each of its threads, and this tells the threads apart. Used only on that thread.
 */
public interface RtimerContext {

    /** The timer's name. */
    String name();

    /** The index of the thread running the route, from 0; 0 on the shared timer thread. */
    int worker();

    /** The timer's mode: 0 on the shared timer thread, N on N dedicated threads. */
    int mode();

    /** The timer's interval. */
    Duration interval();

    /** Whole seconds since the engine started, Kamailio's {@code get_ticks()}. */
    long ticks();
}
