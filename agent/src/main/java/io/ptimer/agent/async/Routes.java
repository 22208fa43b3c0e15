package io.ptimer.agent.async;

import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.LateBinding;
import io.ptimer.agent.binding.RouteBinder;
import io.ptimer.agent.binding.RouteShape;
import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.config.ConfigException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routes named by calls, bound once per distinct string and kept: a call with a route already
 * seen costs one map lookup. The class is looked for in the calling thread's context class loader,
 * the system class loader, then among the classes already loaded. Thread-safe.
 */
final class Routes {
    private final RouteShape shape;
    private final LateBinding loaded;
    private final Map<String, BoundRoute> bound = new ConcurrentHashMap<>();

    Routes(RouteShape shape, LateBinding loaded) {
        this.shape = shape;
        this.loaded = loaded;
    }

    /**
     * The route named by {@code text}, bound.
     *
     * @throws IllegalArgumentException naming the route and why it cannot be called
     */
    BoundRoute get(String text) {
        if (text == null) {
            throw new IllegalArgumentException("route must not be null (expected com.example.Class::method)");
        }
        BoundRoute route = bound.get(text);
        return route != null ? route : bind(text);
    }

    private BoundRoute bind(String text) {
        String what = "route \"" + text + "\"";
        try {
            return bind(RouteSpec.parse(text, shape, what));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * Binds {@code spec} and keeps it for calls naming the same route.
     *
     * @throws ConfigException naming the entry of {@code spec}, when its class is not found or does not fit
     */
    BoundRoute bind(RouteSpec spec) throws ConfigException {
        Class<?> type = find(spec.className());
        if (type == null) {
            throw new ConfigException(spec.entry() + ": class " + spec.className() + " not found");
        }
        BoundRoute route = RouteBinder.bind(spec, type);
        BoundRoute raced = bound.putIfAbsent(spec.display(), route);
        return raced != null ? raced : route;
    }

    /** Whether the class of {@code spec} can be found now. */
    boolean visible(RouteSpec spec) {
        return find(spec.className()) != null;
    }

    private Class<?> find(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, ClassLoader.getSystemClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // the next loader may have it
            }
        }
        return loaded.alreadyLoaded(name);
    }
}
