package io.ptimer.api;

import java.util.Objects;

/**
 * Where the application installs its {@link RouteFactory}. Until one is installed the agent makes
 * route instances with their public no-argument constructor, and a timer configured with
 * {@code factory=required} waits (its status says so). Thread-safe.
 */
public final class RouteFactories {
    private static volatile RouteFactory installed;

    private RouteFactories() {
    }

    /**
     * Installs {@code factory}: from now on every route instance is made by it. A factory
     * installed before is replaced (the last one installed wins, e.g. after a context restart).
     *
     * @param factory the factory that makes route instances from now on
     * @throws NullPointerException when {@code factory} is {@code null}
     */
    public static synchronized void install(RouteFactory factory) {
        installed = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Removes {@code factory} if it is the one installed (a closing application context); the
     * routes' no-argument constructors are used again.
     *
     * @param factory the factory to remove
     * @return whether it was installed
     */
    public static synchronized boolean uninstall(RouteFactory factory) {
        if (installed != factory || factory == null) {
            return false;
        }
        installed = null;
        return true;
    }

    /**
     * The factory installed now.
     *
     * @return the factory, or {@code null} when none is installed
     */
    public static RouteFactory installed() {
        return installed;
    }
}
