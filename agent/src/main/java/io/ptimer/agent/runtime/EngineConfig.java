package io.ptimer.agent.runtime;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.ConfigReader;
import io.ptimer.agent.config.Entry;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine-wide entries of one load, written as keys of the ptimer module as they always were:
 * {@code shutdown_timeout} and {@code late_binding}. Confined to the loading thread.
 */
final class EngineConfig {
    /** The keys the engine takes from the ptimer module. */
    static final List<String> KEYS = List.of("shutdown_timeout", "late_binding");

    private long shutdownTimeout = TimeUnit.SECONDS.toNanos(5);
    private boolean lateBinding = true;

    /** Whether the entry is the engine's rather than its module's. */
    static boolean takes(Entry e) {
        return e.module().equals(ConfigReader.DEFAULT_MODULE) && KEYS.contains(e.key());
    }

    /** Applies one of the {@link #KEYS}. @throws ConfigException naming the entry */
    void apply(Entry e) throws ConfigException {
        if (e.key().equals("shutdown_timeout")) {
            shutdownTimeout = e.interval(e.value());
        } else {
            lateBinding = e.intIn("late_binding", 0, 1) == 1;
        }
    }

    /** How long, in all, end routes (and queued tasks) may take when the JVM shuts down. */
    long shutdownTimeoutNanos() {
        return shutdownTimeout;
    }

    /** Whether a route class outside the class path may be bound when the application loads it. */
    boolean lateBinding() {
        return lateBinding;
    }
}
