package io.ptimer.agent.binding;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.exec.Log;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The routes of one timer, bound at once where the system class loader (or any loader, for a late
 * attach) has their classes, and otherwise as soon as a class loader of the application can see
 * them; unbound when that loader goes away, and bound again when another one appears. Thread-safe.
 */
public final class Binding {

    /** Hears how the binding of one timer's routes ends. Called on the loading thread or on {@code ptimer-binder}. */
    public interface Listener {
        /** Every route is bound: one per route given, in that order. */
        void bound(List<BoundRoute> routes);

        /** A class the application loaded late does not fit its route; the timer cannot start. */
        void failed(String reason);

        /**
         * The loader of a route class went away (a web application undeployed): the timer must end
         * and drop every reference to the routes before this returns; {@link #bound} follows when
         * the classes appear again.
         */
        default void unbound() {
        }
    }

    /** Guards the binding's progress (which routes are bound, missing, failed); held by no other code. */
    private final Object lock = new Object();
    private final List<RouteSpec> routes;
    private final LateBinding lateBinding;
    private final Class<?>[] checked;
    private final BoundRoute[] bound;
    private final List<Integer> missing = new ArrayList<>();
    /** Classes that an application loader had loaded already (a late attach): bound at once through the watch. */
    private Set<String> loadedElsewhere = Set.of();
    private boolean failed;

    private Binding(List<RouteSpec> routes, LateBinding lateBinding) {
        this.routes = List.copyOf(routes);
        this.lateBinding = lateBinding;
        this.checked = new Class<?>[routes.size()];
        this.bound = new BoundRoute[routes.size()];
    }

    /**
     * Checks every route whose class is visible now and that the others may come later. The checked
     * routes are bound (their calling code generated) by {@link #whenBound}, on its caller's thread.
     *
     * @param lateAllowed whether a class the system class loader cannot see may be bound when loaded
     * @throws ConfigException naming the entry: a route that does not fit, or a class that cannot come
     */
    public static Binding prepare(List<RouteSpec> routes, LateBinding lateBinding, boolean lateAllowed)
            throws ConfigException {
        Binding b = new Binding(routes, lateBinding);
        for (int i = 0; i < b.routes.size(); i++) {
            RouteSpec route = b.routes.get(i);
            Class<?> type = b.find(route.className());
            if (type != null) {
                RouteBinder.check(route, type);
                if (onClassPath(type)) {
                    b.checked[i] = type;
                } else {
                    b.missing.add(i);
                    if (b.loadedElsewhere.isEmpty()) {
                        b.loadedElsewhere = new HashSet<>();
                    }
                    b.loadedElsewhere.add(route.className());
                }
            } else {
                checkLateBinding(route, lateAllowed, lateBinding.available());
                b.missing.add(i);
            }
        }
        return b;
    }

    /**
     * A class the system class loader cannot see may be loaded later by another loader, unless its
     * package is on the class path (then the name is wrong) or late binding is off.
     */
    private static void checkLateBinding(RouteSpec route, boolean allowed, boolean possible) throws ConfigException {
        String name = route.className();
        if (!allowed || !possible) {
            throw new ConfigException(route.entry() + ": class " + name + " is not visible to the system class loader ("
                    + (allowed ? "without -javaagent the agent cannot wait for it" : "late_binding=0") + ")");
        }
        checkPackageElsewhere(route);
    }

    /**
     * A route class the system class loader cannot see is wrongly named when its package is on the
     * class path: no other loader would bring it.
     *
     * @throws ConfigException naming the entry, the class and its package
     */
    public static void checkPackageElsewhere(RouteSpec route) throws ConfigException {
        String name = route.className();
        int dot = name.lastIndexOf('.');
        String dir = dot < 0 ? "" : name.substring(0, dot).replace('.', '/') + "/";
        if (ClassLoader.getSystemResource(dir) != null) {
            throw new ConfigException(route.entry() + ": class " + name + " not found (its package "
                    + (dot < 0 ? "(default)" : name.substring(0, dot)) + " is on the class path)");
        }
    }

    /** Whether the system class loader sees {@code type} itself: else it lives in a loader that may go away. */
    private static boolean onClassPath(Class<?> type) {
        try {
            return Class.forName(type.getName(), false, ClassLoader.getSystemClassLoader()) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private Class<?> find(String name) {
        try {
            return Class.forName(name, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return lateBinding.alreadyLoaded(name);
        }
    }

    /** Whether some route waits for its class. */
    public boolean waiting() {
        synchronized (lock) {
            return !missing.isEmpty() && !failed;
        }
    }

    /** What the timer waits for, e.g. {@code class com.example.Jobs to be loaded}. */
    public String awaited() {
        synchronized (lock) {
            Set<String> names = new LinkedHashSet<>();
            missing.forEach(i -> names.add(routes.get(i).className()));
            return "class " + String.join(", ", names) + " to be loaded";
        }
    }

    /**
     * Tells {@code listener} once every route is bound (at once when none waits), or that one
     * failed. A timer that waits says so on stderr; one that fails says so in the log.
     *
     * @param owner the timer, for those messages, e.g. {@code timer "t1"}
     */
    public void whenBound(String owner, Listener listener) {
        Listener announcing = new Listener() {
            @Override
            public void bound(List<BoundRoute> routes) {
                listener.bound(routes);
            }

            @Override
            public void failed(String reason) {
                listener.failed(reason);
                Log.error("ptimer: " + reason + "; " + owner + " does not start", null);
            }

            @Override
            public void unbound() {
                listener.unbound();
            }
        };
        List<Integer> late;
        synchronized (lock) {
            String failure = bindChecked();
            if (failure != null) {
                failed = true;
                announcing.failed(failure);
                return;
            }
            if (missing.isEmpty()) {
                listener.bound(List.of(bound));
                return;
            }
            late = List.copyOf(missing);
        }
        if (!loadedElsewhere.containsAll(late.stream().map(i -> routes.get(i).className()).toList())) {
            System.err.println("ptimer: " + owner + " waits for " + awaited()
                    + " by the application (not on the class path); it starts as soon as a class loader of the"
                    + " application can see it");
        }
        for (int i : late) {
            watch(i, announcing);
        }
    }

    private void watch(int i, Listener listener) {
        lateBinding.watch(routes.get(i).className(), new LateBinding.Watcher() {
            @Override
            public void loaded(Class<?> type) {
                bindLate(i, type, listener);
            }

            @Override
            public void gone() {
                unbindLate(i, listener);
            }
        });
    }

    /** The class of route {@code i} went away with its loader: the timer ends and waits for it again. */
    private void unbindLate(int i, Listener listener) {
        boolean wasComplete;
        synchronized (lock) {
            if (failed || bound[i] == null) {
                return;
            }
            wasComplete = missing.isEmpty();
            bound[i] = null;
            checked[i] = null;
            missing.add(i);
        }
        if (wasComplete) {
            listener.unbound();
        }
        watch(i, listener);
    }

    /** Binds the routes checked at prepare; the reason when one cannot be, else {@code null}. */
    private String bindChecked() {
        for (int i = 0; i < checked.length; i++) {
            if (checked[i] != null && bound[i] == null) {
                try {
                    bound[i] = RouteBinder.bind(routes.get(i), checked[i]);
                } catch (ConfigException e) {
                    return e.getMessage();
                }
            }
        }
        return null;
    }

    private void bindLate(int i, Class<?> type, Listener listener) {
        List<BoundRoute> all;
        synchronized (lock) {
            if (failed) {
                return;
            }
            try {
                bound[i] = RouteBinder.bind(routes.get(i), type);
            } catch (ConfigException e) {
                failed = true;
                listener.failed(e.getMessage());
                return;
            }
            missing.remove(Integer.valueOf(i));
            if (!missing.isEmpty()) {
                return;
            }
            all = List.of(bound);
        }
        listener.bound(all);
    }
}
