package io.ptimer.agent;

import java.util.List;

/**
 * Everything the agent arguments and configuration files said, checked and immutable.
 *
 * @param timers                the timers in the order they were defined
 * @param shutdownTimeoutNanos  how long, in all, end routes may take when the JVM shuts down
 */
record Config(List<TimerSpec> timers, long shutdownTimeoutNanos) {
    Config {
        timers = List.copyOf(timers);
    }
}
