package io.ptimer.agent;

import io.ptimer.api.TimerContext;
import java.lang.invoke.MethodHandle;
import java.util.function.ToIntBiFunction;

/**
 * A route bound to loaded code: what to call and, for instance routes, which class to make one
 * instance of per worker and cycle.
 *
 * @param spec     the route as configured
 * @param owner    the class holding the route
 * @param invoker  calls the route with (instance or {@code null}, context); may throw anything
 * @param factory  makes an instance of {@code owner}, or {@code null} for a static method
 */
record BoundRoute(RouteSpec spec, Class<?> owner, ToIntBiFunction<Object, TimerContext> invoker,
                  MethodHandle factory) {

    boolean needsInstance() {
        return factory != null;
    }
}
