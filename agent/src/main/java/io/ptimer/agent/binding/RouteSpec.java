package io.ptimer.agent.binding;

import io.ptimer.agent.config.Names;
import io.ptimer.agent.config.Refusal;

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
     * Parses a route given at run time.
     *
     * @throws IllegalArgumentException naming {@code entry} and the reason when it is not
     *                                  {@code Class::method} (or {@code Class})
     */
    public static RouteSpec parse(String route, RouteShape shape, String entry) {
        return parse(route, shape, entry, Refusal.argument(entry));
    }

    /**
     * Parses a route as written.
     *
     * @param entry   what wrote the route, for the messages of binding it later
     * @param refusal what to throw, e.g. the configuration entry
     * @throws X made by {@code refusal} with the reason when it is not {@code Class::method} (or {@code Class})
     */
    public static <X extends Exception> RouteSpec parse(String route, RouteShape shape, String entry,
                                                        Refusal<X> refusal) throws X {
        String className = route;
        String methodName = null;
        int sep = route.indexOf("::");
        if (sep >= 0) {
            className = route.substring(0, sep).intern();
            methodName = route.substring(sep + 2).intern();
            if (!Names.isJavaName(methodName, false)) {
                throw refusal.error("route must be " + shape.syntax() + "; \"" + methodName
                        + "\" is not a method name");
            }
        } else if (shape.routeInterface() == null) {
            throw refusal.error("route must be " + shape.syntax() + "; \"" + route + "\" names no method");
        }
        if (!Names.isJavaName(className, true)) {
            throw refusal.error("route must be " + shape.syntax() + "; \"" + className
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
