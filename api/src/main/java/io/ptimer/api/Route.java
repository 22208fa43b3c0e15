package io.ptimer.api;

/**
 * A route written as a class: one instance is made per worker when its start route begins,
 * and dropped after its end route, so its fields are that worker's state from start to end.
 * The class needs a public no-argument constructor.
 *
 * <p>It is named in the configuration by its class name alone, e.g.
 * {@code modparam("ptimer", "loop", "timer=t1;route=com.example.TickRoute")}.
 */
@FunctionalInterface
public interface Route {

    /** Return value that lets the worker go on (start: into the loop; loop: to the next loop). */
    int CONTINUE = 1;

    /** Return value that makes the worker jump to its end route, like Kamailio's {@code return -1}. */
    int END = -1;

    /**
     * Runs the route once. An exception is counted, logged and survived: from the start route
     * the worker jumps to its end route, from the loop route the loop goes on.
     *
     * @param ctx the timer and worker this route runs for, Kamailio's {@code $ptimer(...)}
     * @return {@link #CONTINUE} (or any non-negative value) to go on; {@link #END} (or any
     *         negative value) to jump to the end route
     * @throws Exception anything the route's code throws; it is counted and logged, and the
     *         worker goes on as described above
     */
    int run(TimerContext ctx) throws Exception;
}
