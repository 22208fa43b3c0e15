package io.ptimer.agent.binding;

import io.ptimer.api.AsyncContext;
import io.ptimer.api.Route;
import io.ptimer.api.RtimerContext;
import io.ptimer.api.TimerContext;
import io.ptimer.api.TkvEvent;

/**
 * What a timer system passes to its routes and expects back: a method taking {@code ()} or
 * {@code (context)}; for ptimer also a class implementing {@link Route}.
 *
 * @param context        the one parameter a route method may take
 * @param routeInterface the interface a route class may implement instead of naming a method, or {@code null}
 * @param anyReturn      whether any return type is accepted (and ignored); otherwise void, int or boolean
 */
public record RouteShape(Class<?> context, Class<?> routeInterface, boolean anyReturn) {
    /** ptimer's start, loop and end routes. */
    public static final RouteShape PTIMER = new RouteShape(TimerContext.class, Route.class, false);
    /** rtimer's exec routes; their result is ignored. */
    public static final RouteShape RTIMER = new RouteShape(RtimerContext.class, null, true);
    /** async's delayed and task routes; their result is ignored. */
    public static final RouteShape ASYNC = new RouteShape(AsyncContext.class, null, true);
    /** async's type/key/value event route; its result is ignored. */
    public static final RouteShape TKV = new RouteShape(TkvEvent.class, null, true);

    /** How a route is written, for messages. */
    String syntax() {
        return routeInterface == null ? "com.example.Class::method"
                : "com.example.Class::method or a class implementing " + routeInterface.getName();
    }
}
