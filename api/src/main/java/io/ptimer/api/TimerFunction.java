package io.ptimer.api;

/**
 * A callback of the core timer API, Kamailio's {@code timer_function(ticks, param)}: run every
 * interval on its timer's thread.
 */
@FunctionalInterface
public interface TimerFunction {

    /**
     * Runs once per interval. An exception is counted and logged, and the timer goes on.
     *
     * @param ticks {@link CoreTimers#ticks()} now: whole seconds since the engine started
     * @param param the object given at registration, or {@code null}
     * @throws Exception anything; it is counted and logged
     */
    void run(long ticks, Object param) throws Exception;
}
