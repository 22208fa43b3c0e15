package io.ptimer.agent.binding;

import io.ptimer.api.AsyncContext;
import io.ptimer.api.Route;
import io.ptimer.api.RtimerContext;
import io.ptimer.api.TimerContext;
import io.ptimer.api.TkvEvent;

/**
 * What a timer system passes to its routes and expects back: a method taking {@code ()} or
 * {@code (context)}; for ptimer also a class implementing {@link Route}. The API types are named
 * in the methods, not held in fields, so that a shape loads only its own before the host's
 * {@code main}.
 */
public enum RouteShape {
    /** ptimer's start, loop and end routes. */
    PTIMER,
    /** rtimer's exec routes; their result is ignored. */
    RTIMER,
    /** async's delayed and task routes; their result is ignored. */
    ASYNC,
    /** async's type/key/value event route; its result is ignored. */
    TKV;

    /** The one parameter a route method may take. */
    public Class<?> context() {
        if (this == PTIMER) {
            return TimerContext.class;
        }
        if (this == RTIMER) {
            return RtimerContext.class;
        }
        return this == ASYNC ? AsyncContext.class : TkvEvent.class;
    }

    /** The interface a route class may implement instead of naming a method, or {@code null}. */
    Class<?> routeInterface() {
        return this == PTIMER ? Route.class : null;
    }

    /** Whether any return type is accepted (and ignored); otherwise void, int or boolean. */
    boolean anyReturn() {
        return this != PTIMER;
    }

    /** How a route is written, for messages. */
    String syntax() {
        return this == PTIMER ? "com.example.Class::method or a class implementing " + Route.class.getName()
                : "com.example.Class::method";
    }
}
