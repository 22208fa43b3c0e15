package io.ptimer.agent;

import io.ptimer.api.TimerType;

/**
 * One configured timer, immutable. Routes are added by later entries, so {@link #with(RouteSpec)}
 * returns a copy.
 *
 * @param entry         the {@code timer} entry's value, for messages
 */
record TimerSpec(
        String name,
        TimerType type,
        long intervalNanos,
        int nworkers,
        int ntasks,
        int nslices,
        Precision precision,
        boolean autostart,
        RouteSpec start,
        RouteSpec loop,
        RouteSpec end,
        String entry) {

    RouteSpec route(RouteKind kind) {
        return switch (kind) {
            case START -> start;
            case LOOP -> loop;
            case END -> end;
        };
    }

    TimerSpec with(RouteSpec route) {
        return new TimerSpec(name, type, intervalNanos, nworkers, ntasks, nslices, precision, autostart,
                route.kind() == RouteKind.START ? route : start,
                route.kind() == RouteKind.LOOP ? route : loop,
                route.kind() == RouteKind.END ? route : end,
                entry);
    }
}
