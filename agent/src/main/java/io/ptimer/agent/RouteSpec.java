package io.ptimer.agent;

import java.util.regex.Pattern;

/**
 * A route as configured: {@code com.example.Jobs::tick} (a method) or {@code com.example.TickRoute}
 * (a class implementing {@code io.ptimer.api.Route}).
 *
 * @param kind       start, loop or end
 * @param className  binary name of the class
 * @param methodName the method, or {@code null} for a Route class
 * @param entry      the configuration entry, for messages
 */
record RouteSpec(RouteKind kind, String className, String methodName, String entry) {

    private static final String IDENTIFIER = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
    private static final Pattern CLASS = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");
    private static final Pattern METHOD = Pattern.compile(IDENTIFIER);

    /**
     * Parses the route part of an entry.
     *
     * @throws IllegalArgumentException with the reason when it is not {@code Class::method} or {@code Class}
     */
    static RouteSpec parse(RouteKind kind, String route, String entry) {
        String className = route;
        String methodName = null;
        int sep = route.indexOf("::");
        if (sep >= 0) {
            className = route.substring(0, sep);
            methodName = route.substring(sep + 2);
            if (!METHOD.matcher(methodName).matches()) {
                throw new IllegalArgumentException(
                        "route must be com.example.Class::method or a class implementing io.ptimer.api.Route; \""
                                + methodName + "\" is not a method name");
            }
        }
        if (!CLASS.matcher(className).matches()) {
            throw new IllegalArgumentException(
                    "route must be com.example.Class::method or a class implementing io.ptimer.api.Route; \""
                            + className + "\" is not a class name");
        }
        return new RouteSpec(kind, className, methodName, entry);
    }

    /** The route as written in the configuration. */
    String display() {
        return methodName == null ? className : className + "::" + methodName;
    }
}
