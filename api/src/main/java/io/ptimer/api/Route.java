package io.ptimer.api;

/**
 * A route written as a class: one instance is made per worker when its start route begins,
 * and dropped after its end route, so its fields are that worker's state from start to end.
 * The class needs a public no-argument constructor.
 */
@FunctionalInterface
public interface Route {

    /** Return value that lets the worker go on (start: into the loop; loop: to the next loop). */
    int CONTINUE = 1;

    /** Return value that makes the worker jump to its end route, like Kamailio's {@code return -1}. */
    int END = -1;

    /**
     * Runs the route once. A negative result jumps to the end route; an exception is counted,
     * logged and survived (from start it jumps to end, from loop the loop goes on).
     */
    int run(TimerContext ctx) throws Exception;
}
