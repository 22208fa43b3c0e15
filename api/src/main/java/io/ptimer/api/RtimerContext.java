package io.ptimer.api;

import java.time.Duration;

/**
 * What an rtimer exec route sees of its timer: Kamailio's rtimer module runs every exec route of a
 * timer on each of its threads, and this tells the threads apart. Used only on that thread.
 */
public interface RtimerContext {

    /**
     * The timer's name.
     *
     * @return the name given by {@code timer=name=...}
     */
    String name();

    /**
     * The thread running the route.
     *
     * @return its index from 0 to {@code mode() - 1}; 0 on the shared timer thread
     */
    int worker();

    /**
     * The timer's mode.
     *
     * @return 0 on the shared timer thread, N on N dedicated threads
     */
    int mode();

    /**
     * The timer's interval.
     *
     * @return the time from the end of one run to the start of the next
     */
    Duration interval();

    /**
     * Kamailio's {@code get_ticks()}.
     *
     * @return whole seconds since the engine started
     */
    long ticks();
}
