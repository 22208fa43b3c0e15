package io.ptimer.agent.ptimer;

import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.RouteBinder;
import io.ptimer.agent.binding.RouteShape;
import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.exec.Overrun;
import io.ptimer.agent.exec.Precision;
import io.ptimer.api.TimerType;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts ptimer timers in this JVM whose routes are a class's {@code start}, {@code loop} and {@code end} methods;
 * their workers have threads of their own unless the system property {@code ptimer.test.thread} is {@code shared}.
 */
final class Timers {
    static final boolean SHARED = "shared".equals(System.getProperty("ptimer.test.thread"));

    private Timers() {
    }

    static Ptimer started(String name, TimerType type, long intervalMicros, int nworkers, int ntasks, int nslices,
                          boolean autostart, Class<?> routes) throws ConfigException {
        return started(name, type, intervalMicros, nworkers, ntasks, nslices, autostart, routes, null);
    }

    /** As above, with {@code listener} hearing the workers' state changes from their very first. */
    static Ptimer started(String name, TimerType type, long intervalMicros, int nworkers, int ntasks, int nslices,
                          boolean autostart, Class<?> routes, WorkerListener listener) throws ConfigException {
        return started(name, type, intervalMicros, nworkers, ntasks, nslices, autostart, routes, listener, SHARED);
    }

    /** As above, the workers on the shared lanes ({@code thread=shared}) or each on a thread of its own. */
    static Ptimer started(String name, TimerType type, long intervalMicros, int nworkers, int ntasks, int nslices,
                          boolean autostart, Class<?> routes, WorkerListener listener, boolean shared)
            throws ConfigException {
        Map<Phase, RouteSpec> specs = new EnumMap<>(Phase.class);
        Map<Phase, BoundRoute> bound = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            RouteSpec spec = RouteSpec.parse(routes.getName() + "::" + phase.key(), RouteShape.PTIMER, phase.key());
            specs.put(phase, spec);
            bound.put(phase, RouteBinder.bind(spec, routes));
        }
        Ptimer timer = new Ptimer(new PtimerSpec(name, type, TimeUnit.MICROSECONDS.toNanos(intervalMicros), nworkers,
                ntasks, nslices, Precision.HYBRID, autostart, Overrun.REANCHOR, false, 0, null, shared, specs,
                "name=" + name));
        timer.listener(listener);
        timer.start(bound);
        return timer;
    }
}
