package io.ptimer.agent.binding;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.exec.Registry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timers one system has loaded whose routes are bound before they run (ptimer's and rtimer's),
 * and the part of loading them that those systems share: a configuration's timers are checked
 * against the names loaded and their routes bound where the classes are visible; once every system
 * of the configuration is checked, each timer is registered and its {@link Lifecycle} follows its
 * binding. Runs before {@code main}: no lambda.
 *
 * <p>Threading: preparing and beginning run under this object's monitor; the registry is
 * thread-safe; the lifecycle is called on the thread that begins, then on {@code ptimer-binder}.
 *
 * @param <T> the system's timer
 */
public final class BoundTimers<T extends BoundTimers.Timer> {

    /** What loading needs of a timer. */
    public interface Timer {
        String name();

        /** The value of the entry that defines it, for the error on a name loaded already. */
        String entry();

        /** Its routes, in the order {@link Lifecycle#bound} gets them. */
        List<RouteSpec> routes();
    }

    /** What the system does as a timer's binding goes. */
    public interface Lifecycle<T> {
        /** The timer is registered; its routes may not be bound yet. */
        void registered(T timer, Binding binding);

        /** Every route is bound, in the order of {@link Timer#routes}. */
        void bound(T timer, List<BoundRoute> routes);

        /** A route could not be bound; the reason names it. */
        void failed(T timer, String reason);

        /** The class loader of its routes went away. */
        void unbound(T timer, Binding binding);
    }

    private final Registry<T> timers;
    private final String kind;
    private final LateBinding lateBinding;
    private final Lifecycle<T> lifecycle;

    /**
     * @param kind what the system calls its timers, e.g. {@code timer} or {@code rtimer}
     * @param key  the configuration key that defines one, e.g. {@code timer} or {@code rtimer.timer}
     */
    public BoundTimers(String kind, String key, LateBinding lateBinding, Lifecycle<T> lifecycle) {
        this.timers = new Registry<>(kind, key);
        this.kind = kind;
        this.lateBinding = lateBinding;
        this.lifecycle = lifecycle;
    }

    /** @throws ConfigException naming the entry when a timer of that name is loaded already */
    public void checkNew(String name, String entry) throws ConfigException {
        timers.checkNew(name, entry);
    }

    /**
     * Checks that no timer's name is loaded already and binds the routes whose classes are visible;
     * registers nothing.
     *
     * @param lateAllowed whether a route class outside the class path may be bound when loaded
     * @return what registers the timers and follows their bindings, to run once every system of the
     *         configuration is checked
     * @throws ConfigException naming the entry; nothing changes then
     */
    public synchronized Runnable prepare(List<T> configured, boolean lateAllowed) throws ConfigException {
        for (T timer : configured) {
            timers.checkNew(timer.name(), timer.entry());
        }
        Map<T, Binding> bindings = new LinkedHashMap<>();
        for (T timer : configured) {
            bindings.put(timer, Binding.prepare(timer.routes(), lateBinding, lateAllowed));
        }
        return new Runnable() {
            @Override
            public void run() {
                for (Map.Entry<T, Binding> e : bindings.entrySet()) {
                    begin(e.getKey(), e.getValue());
                }
            }
        };
    }

    private synchronized void begin(T timer, Binding binding) {
        timers.add(timer.name(), timer);
        lifecycle.registered(timer, binding);
        binding.whenBound(kind + " \"" + timer.name() + "\"", new Binding.Listener() {
            @Override
            public void bound(List<BoundRoute> routes) {
                lifecycle.bound(timer, routes);
            }

            @Override
            public void failed(String reason) {
                lifecycle.failed(timer, reason);
            }

            @Override
            public void unbound() {
                lifecycle.unbound(timer, binding);
            }
        });
    }

    /** The timers, in the order they were loaded. */
    public List<T> all() {
        return timers.all();
    }

    /**
     * The timer with that name.
     *
     * @throws IllegalArgumentException naming it and the timers that exist
     */
    public T get(String name) {
        return timers.get(name);
    }
}
