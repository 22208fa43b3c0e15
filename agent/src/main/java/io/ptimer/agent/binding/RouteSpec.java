package io.ptimer.agent.binding;

import io.ptimer.agent.config.Names;

/**
 * A route as configured: {@code com.example.Jobs::tick} (a method) or, where the shape allows it,
 * {@code com.example.TickRoute} (a class implementing the shape's route interface).
 *
 * @param className  binary name of the class
 * @param methodName the method, or {@code null} for a route class
 * @param shape      what the route is given and returns
 * @param entry      the configuration entry, for messages
 * @param factoryMade whether the instances come from the application's route factory only (the
 *                   class then needs no public no-argument constructor)
 */
public record RouteSpec(String className, String methodName, RouteShape shape, String entry, boolean factoryMade) {

    public RouteSpec(String className, String methodName, RouteShape shape, String entry) {
        this(className, methodName, shape, entry, false);
    }

    /** A copy whose instances come from the application's route factory only, or not. */
    public RouteSpec factoryMade(boolean only) {
        return new RouteSpec(className, methodName, shape, entry, only);
    }

    /**
     * Parses a route as written.
     *
     * @throws IllegalArgumentException with the reason when it is not {@code Class::method} (or {@code Class})
     */
    public static RouteSpec parse(String route, RouteShape shape, String entry) {
        String className = route;
        String methodName = null;
        int sep = route.indexOf("::");
        if (sep >= 0) {
            className = route.substring(0, sep).intern();
            methodName = route.substring(sep + 2).intern();
            if (!Names.isJavaName(methodName, false)) {
                throw new IllegalArgumentException("route must be " + shape.syntax() + "; \"" + methodName
                        + "\" is not a method name");
            }
        } else if (shape.routeInterface() == null) {
            throw new IllegalArgumentException("route must be " + shape.syntax() + "; \"" + route + "\" names no method");
        }
        if (!Names.isJavaName(className, true)) {
            throw new IllegalArgumentException("route must be " + shape.syntax() + "; \"" + className
                    + "\" is not a class name");
        }
        return new RouteSpec(className, methodName, shape, entry);
    }

    /** The route as written in the configuration. */
    public String display() {
        return methodName == null ? className : className + "::" + methodName;
    }

    /** {@link #display()}. */
    @Override
    public String toString() {
        return display();
    }
}
