package io.ptimer.agent.ptimer;

import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.exec.Overrun;
import io.ptimer.agent.exec.Precision;
import io.ptimer.api.TimerType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One configured ptimer timer, immutable. Routes are added by later entries, so
 * {@link #with(Phase, RouteSpec)} returns a copy.
 *
 * @param overrun what a sync grid does after an overrun
 * @param factoryRequired whether route instances come only from the application's route factory,
 *                        so the timer waits until one is installed
 * @param jfrLateNanos when a loop counts as late (the {@code lateLoops} figure, the Flight Recorder
 *                     event), in ns; 0 for the default, a tenth of the interval, at most 1 ms
 * @param cluster the cluster sharing the timer's budget ({@code cluster=C}), or {@code null}
 * @param sharedThread whether its workers run on the shared lanes while their routes are short
 *                     ({@code thread=shared}), or each on a thread of its own from the start ({@code thread=own});
 *                     {@code thread=auto} is decided for the whole configuration, see {@link PtimerConfig#finish()}
 * @param routes  the configured route of each phase that has one
 * @param entry  the {@code timer} entry's value, for messages
 */
public record PtimerSpec(
        String name,
        TimerType type,
        long intervalNanos,
        int nworkers,
        int ntasks,
        int nslices,
        Precision precision,
        boolean autostart,
        Overrun overrun,
        boolean factoryRequired,
        long jfrLateNanos,
        String cluster,
        boolean sharedThread,
        Map<Phase, RouteSpec> routes,
        String entry) {

    /** A timer whose workers have threads of their own. */
    public PtimerSpec(String name, TimerType type, long intervalNanos, int nworkers, int ntasks, int nslices,
            Precision precision, boolean autostart, Overrun overrun, boolean factoryRequired, long jfrLateNanos,
            String cluster, Map<Phase, RouteSpec> routes, String entry) {
        this(name, type, intervalNanos, nworkers, ntasks, nslices, precision, autostart, overrun, factoryRequired,
                jfrLateNanos, cluster, false, routes, entry);
    }

    /** Keeps an unmodifiable copy of {@code routes}. */
    public PtimerSpec {
        EnumMap<Phase, RouteSpec> copy = new EnumMap<>(Phase.class);
        copy.putAll(routes);
        routes = Collections.unmodifiableMap(copy);
    }

    /** The route of {@code phase}, or {@code null}. */
    public RouteSpec route(Phase phase) {
        return routes.get(phase);
    }

    /** The configured routes, in phase order. */
    public List<RouteSpec> routeList() {
        return new ArrayList<>(routes.values());
    }

    /** A copy whose workers run on the shared lanes. */
    public PtimerSpec onSharedLanes() {
        return new PtimerSpec(name, type, intervalNanos, nworkers, ntasks, nslices, precision, autostart, overrun,
                factoryRequired, jfrLateNanos, cluster, true, routes, entry);
    }

    /** A copy with {@code route} as the route of {@code phase}. */
    public PtimerSpec with(Phase phase, RouteSpec route) {
        Map<Phase, RouteSpec> more = new EnumMap<>(Phase.class);
        more.putAll(routes);
        more.put(phase, route.factoryMade(factoryRequired));
        return new PtimerSpec(name, type, intervalNanos, nworkers, ntasks, nslices, precision, autostart, overrun,
                factoryRequired, jfrLateNanos, cluster, sharedThread, more, entry);
    }
}
