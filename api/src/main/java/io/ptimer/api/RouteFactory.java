package io.ptimer.api;

/**
 * Makes the instances of route classes for the agent, in place of their public no-argument
 * constructor: the application's own way to build objects (a dependency-injection container, for
 * instance), as Quartz's {@code JobFactory} and JobRunr's {@code JobActivator} allow for jobs.
 * Installed once with {@link RouteFactories#install}.
 *
 * <p>The agent asks for one instance per route class and worker cycle: when a worker's start route
 * begins (or its first route of the cycle runs), and drops it after the end route, so the
 * instance's fields are that worker's state from start to end. It is called on the worker's
 * thread, so it must be thread-safe.
 */
@FunctionalInterface
public interface RouteFactory {

    /**
     * Makes a new instance of {@code routeClass}.
     *
     * @param routeClass the class the configuration names, loaded by the application's class loader
     * @return a new instance of {@code routeClass}, never {@code null}
     * @throws Exception anything; it is counted and logged as an error of the route that needed the
     *         instance, and the worker goes on as when a route throws
     */
    Object create(Class<?> routeClass) throws Exception;
}
