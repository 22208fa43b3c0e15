package io.ptimer.agent.exec;

import io.ptimer.agent.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timers one system has loaded, by name, in load order: the check that a configuration loads no
 * name twice, and the lookup that names what exists when a name is unknown. Thread-safe.
 *
 * @param <T> the system's timer
 */
public final class Registry<T> {
    private final String kind;
    private final String key;
    private final Map<String, T> byName = new LinkedHashMap<>();

    /**
     * @param kind what the system calls its timers in messages, e.g. {@code timer} or {@code rtimer}
     * @param key  the configuration key that defines one, e.g. {@code timer} or {@code rtimer.timer}
     */
    public Registry(String kind, String key) {
        this.kind = kind;
        this.key = key;
    }

    /** @throws ConfigException naming the entry when a timer of that name is loaded already */
    public synchronized void checkNew(String name, String entry) throws ConfigException {
        if (byName.containsKey(name)) {
            throw ConfigException.entry(key, entry, kind + " \"" + name + "\" is already loaded in this JVM");
        }
    }

    public synchronized void add(String name, T timer) {
        byName.put(name, timer);
    }

    /**
     * The timer with that name.
     *
     * @throws IllegalArgumentException naming it and the timers that exist
     */
    public synchronized T get(String name) {
        T timer = name == null ? null : byName.get(name);
        if (timer == null) {
            throw new IllegalArgumentException("unknown " + kind + " \"" + name + "\" (" + kind + "s: "
                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())) + ")");
        }
        return timer;
    }

    /** The timers, in the order they were loaded. */
    public synchronized List<T> all() {
        return new ArrayList<>(byName.values());
    }
}
