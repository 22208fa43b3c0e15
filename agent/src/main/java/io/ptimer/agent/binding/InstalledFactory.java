package io.ptimer.agent.binding;

import io.ptimer.api.RouteFactories;
import io.ptimer.api.RouteFactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The {@link RouteFactory} the application installed, as a route class sees it: the agent's own
 * {@link RouteFactories}, or, when the application's loader has a copy of the API of its own (an
 * executable jar started before {@code attach}), that copy's, reached through its public methods,
 * whose types are the JDK's. Thread-safe; nothing is cached, so nothing here keeps a loader alive.
 */
public final class InstalledFactory {
    private static final MethodType CREATE = MethodType.methodType(Object.class, Class.class);

    private InstalledFactory() {
    }

    /** The factory installed where {@code routeClass} looks for one, or {@code null}. */
    public static Object of(Class<?> routeClass) {
        Class<?> holder = holderFor(routeClass);
        if (holder == RouteFactories.class || holder == null) {
            return RouteFactories.installed();
        }
        try {
            return holder.getMethod("installed").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Asks {@code factory} (from {@link #of}) for an instance of {@code routeClass}, checked. */
    static Object create(Object factory, Class<?> routeClass) throws Throwable {
        Object made;
        if (factory instanceof RouteFactory own) {
            made = own.create(routeClass);
        } else {
            MethodHandle create = MethodHandles.publicLookup().findVirtual(
                    Class.forName(RouteFactory.class.getName(), false, factory.getClass().getClassLoader()), "create",
                    CREATE);
            made = create.invoke(factory, routeClass);
        }
        if (!routeClass.isInstance(made)) {
            throw new IllegalStateException("the route factory " + factory.getClass().getName() + " made "
                    + (made == null ? "null" : "an instance of " + made.getClass().getName()) + " for "
                    + routeClass.getName());
        }
        return made;
    }

    private static Class<?> holderFor(Class<?> routeClass) {
        try {
            return Class.forName(RouteFactories.class.getName(), false, routeClass.getClassLoader());
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
