package io.ptimer.agent;

import java.util.List;

/**
 * Everything the agent arguments and configuration files said, checked and immutable.
 *
 * @param timers                the timers in the order they were defined
 * @param shutdownTimeoutNanos  how long, in all, end routes may take when the JVM shuts down
 * @param lateBinding           whether a route class outside the class path may be bound when the application loads it
 */
record Config(List<TimerSpec> timers, long shutdownTimeoutNanos, boolean lateBinding) {
    Config {
        timers = List.copyOf(timers);
    }
}
