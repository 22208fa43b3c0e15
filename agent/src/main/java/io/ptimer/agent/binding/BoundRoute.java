package io.ptimer.agent.binding;

import java.lang.invoke.MethodHandle;
import java.util.function.ToIntBiFunction;

/**
 * A route bound to loaded code: what to call and, for instance routes, which class to make an
 * instance of per lane and cycle.
 *
 * @param spec     the route as configured
 * @param owner    the class holding the route
 * @param invoker  calls the route with (instance or {@code null}, context) and returns its result as
 *                 an int (void and ignored results 1, {@code false} -1); may throw anything
 * @param factory  makes an instance of {@code owner}, or {@code null} for a static method
 */
public record BoundRoute(RouteSpec spec, Class<?> owner, ToIntBiFunction<Object, Object> invoker,
                         MethodHandle factory) {

    boolean needsInstance() {
        return factory != null;
    }
}
