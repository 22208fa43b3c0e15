package io.ptimer.agent.binding;

import io.ptimer.agent.exec.Log;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.ref.WeakReference;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Finds route classes that the system class loader cannot see (Spring Boot, servlet containers,
 * plug-in loaders) in the class loaders where the application keeps them, and notices when such
 * a loader goes away (a web application undeployed).
 *
 * <p>While a class is watched, the agent's transformer notes each class loader that defines a
 * class for the first time, and the daemon thread {@code ptimer-binder} asks that loader for the
 * watched classes (loading them without initialising them); loaders that existed before the
 * watch began are found among the loaded classes. The transformer returns no bytes: no host class
 * is changed. The first loader that can see a class name is the one used; another loader that
 * sees a different class of that name is named on stderr and ignored. A class found this way is
 * checked every {@value #GONE_POLL_MILLIS} ms: once its loader is stopped (a servlet container's
 * web application loader) or closed (a {@link java.net.URLClassLoader}), its watcher hears
 * {@link Watcher#gone} and the class is watched for again. Nothing here holds a loader strongly.
 */
public final class LateBinding implements ClassFileTransformer {
    static final long GONE_POLL_MILLIS = 250;
    private static final long ASK_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    static final long READY_POLL_MILLIS = 100;
    private static final List<String> STOPPED_STATES = List.of("STOPPING_PREP", "STOPPING", "STOPPED",
            "DESTROYING", "DESTROYED", "FAILED");

    /** Hears about one watched class. Called on {@code ptimer-binder}. */
    public interface Watcher {
        /** A loader of the application can see the class: here it is, loaded and not initialised. */
        void loaded(Class<?> type);

        /** The loader of the class delivered last went away; the class is watched for again. */
        void gone();
    }

    /** A class delivered to its watchers, held weakly, and whose loader is polled. */
    private static final class Found {
        final WeakReference<Class<?>> type;
        final String loader;
        final List<Watcher> watchers;
        final Set<ClassLoader> others = Collections.newSetFromMap(new WeakHashMap<>());

        Found(Class<?> type, List<Watcher> watchers) {
            this.type = new WeakReference<>(type);
            this.loader = describe(type.getClassLoader());
            this.watchers = watchers;
        }
    }

    /** The agent's instrumentation, or {@code null}; set once, under this. */
    private volatile Instrumentation inst;
    /** Watchers by binary name, for classes not found yet. Guarded by this. */
    private final Map<String, List<Watcher>> waiting = new LinkedHashMap<>();
    /** Classes found in loaders other than the system class loader, by binary name. Guarded by this. */
    private final Map<String, Found> found = new LinkedHashMap<>();
    /** Internal names of the watched classes, read by the transformer without a lock. */
    private volatile Set<String> watchedInternal = Set.of();
    /**
     * Loaders already asked since the watch began, and when (nanoTime). A loader that defines classes
     * again half a second later is asked again: a web application's loader may define its first
     * classes before its resources are readable. Guarded by itself.
     */
    private final Map<ClassLoader, Long> asked = new WeakHashMap<>();
    private volatile WeakReference<ClassLoader> lastLoader = new WeakReference<>(null);
    /** When {@link #lastLoader} was last asked (nanoTime). */
    private volatile long lastAsked;
    /** Written under this; read by the transformer without a lock. */
    private volatile ScheduledThreadPoolExecutor binder;
    private boolean installed;
    private boolean polling;
    private boolean scanQueued;

    /** @param inst the agent's instrumentation, or {@code null} in an engine started without the agent */
    public LateBinding(Instrumentation inst) {
        this.inst = inst;
    }

    /**
     * Takes the agent's instrumentation when this has none (the engine started before the agent was
     * attached); one it has is kept.
     */
    public synchronized void instrument(Instrumentation inst) {
        if (this.inst == null) {
            this.inst = inst;
        }
    }

    /** Whether classes can be watched: only with the agent's instrumentation. */
    boolean available() {
        return inst != null;
    }

    /**
     * Tells {@code watcher} on {@code ptimer-binder} once a loader of the application can see a
     * class of that binary name, within about a second of the loader's first class, and again each
     * time the loader that had it goes away and another one appears.
     */
    void watch(String className, Watcher watcher) {
        synchronized (this) {
            Found f = found.get(className);
            Class<?> type = f == null ? null : f.type.get();
            if (type != null) {
                f.watchers.add(watcher);
                binder.execute(() -> watcher.loaded(type));
                return;
            }
            waiting.computeIfAbsent(className, k -> new ArrayList<>()).add(watcher);
            watchChanged();
            if (scanQueued) {
                return;
            }
            scanQueued = true;
        }
        binder.execute(this::askAllLoaders);
    }

    /** Runs {@code then} on {@code ptimer-binder} once {@code ready} says so, asking every {@value #READY_POLL_MILLIS} ms. */
    public synchronized void when(BooleanSupplier ready, Runnable then) {
        binder().execute(new Runnable() {
            @Override
            public void run() {
                if (ready.getAsBoolean()) {
                    then.run();
                } else {
                    binder.schedule(this, READY_POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    /** The binder's executor, started on first use. Holds this. */
    private ScheduledThreadPoolExecutor binder() {
        if (binder == null) {
            binder = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "ptimer-binder");
                t.setDaemon(true);
                t.setContextClassLoader(null);
                return t;
            });
        }
        return binder;
    }

    /** Installs or removes the transformer and starts the binder, to fit what is watched. Holds this. */
    private void watchChanged() {
        binder();
        Set<String> names = new HashSet<>();
        waiting.keySet().forEach(n -> names.add(n.replace('.', '/')));
        found.keySet().forEach(n -> names.add(n.replace('.', '/')));
        watchedInternal = Set.copyOf(names);
        boolean watch = !names.isEmpty();
        if (watch && !installed) {
            installed = true;
            inst.addTransformer(this, false);
        } else if (!watch && installed) {
            installed = false;
            inst.removeTransformer(this);
            synchronized (asked) {
                asked.clear();
            }
            lastLoader = new WeakReference<>(null);
        }
        if (!found.isEmpty() && !polling) {
            polling = true;
            binder.scheduleWithFixedDelay(this::pollLoaders, GONE_POLL_MILLIS, GONE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                            byte[] bytes) {
        if (loader == null || redefined != null) {
            return null;
        }
        boolean named = internalName != null && watchedInternal.contains(internalName);
        long now = System.nanoTime();
        if (!named && lastLoader.get() == loader && now - lastAsked < ASK_AGAIN_NANOS) {
            return null;
        }
        synchronized (asked) {
            Long last = asked.get(loader);
            lastLoader = new WeakReference<>(loader);
            if (last != null && !named && now - last < ASK_AGAIN_NANOS) {
                lastAsked = last;
                return null;
            }
            asked.put(loader, now);
            lastAsked = now;
        }
        try {
            binder.execute(() -> ask(loader));
        } catch (RejectedExecutionException e) {
            // the JVM is shutting down
        }
        return null;
    }

    /** Asks the loader of every loaded class for the watched classes: loaders made before the watch began. */
    private void askAllLoaders() {
        synchronized (this) {
            scanQueued = false;
        }
        Map<ClassLoader, Long> loaders = new IdentityHashMap<>();
        long now = System.nanoTime();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            ClassLoader l = c.getClassLoader();
            if (l != null) {
                loaders.put(l, now);
            }
        }
        synchronized (asked) {
            asked.putAll(loaders);
        }
        for (ClassLoader l : loaders.keySet()) {
            ask(l);
        }
    }

    /** Asks {@code loader} for every watched class it may see; runs on {@code ptimer-binder}. */
    private void ask(ClassLoader loader) {
        if (stopped(loader)) {
            return;
        }
        List<String> names;
        synchronized (this) {
            names = new ArrayList<>(waiting.keySet());
            names.addAll(found.keySet());
        }
        for (String name : names) {
            Class<?> type = visible(loader, name);
            if (type != null) {
                deliver(name, type);
            }
        }
    }

    /** The class of that name as {@code loader} sees it, loaded and not initialised, or {@code null}. */
    private static Class<?> visible(ClassLoader loader, String name) {
        try {
            if (loader.getResource(name.replace('.', '/') + ".class") == null) {
                return null;
            }
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private void deliver(String name, Class<?> type) {
        List<Watcher> watchers;
        synchronized (this) {
            Found now = found.get(name);
            Class<?> current = now == null ? null : now.type.get();
            if (current != null) {
                if (current != type && now.others.add(type.getClassLoader())) {
                    System.err.println("ptimer: class " + name + " is also visible through " + describe(type.getClassLoader())
                            + "; the agent keeps using the one of " + now.loader + ", the first class loader that could see it");
                }
                return;
            }
            watchers = waiting.remove(name);
            if (watchers == null) {
                return;
            }
            if (type.getClassLoader() != ClassLoader.getSystemClassLoader()) {
                Found first = new Found(type, watchers);
                found.put(name, first);
                System.err.println("ptimer: class " + name + " found in " + first.loader);
            }
            watchChanged();
        }
        for (Watcher w : watchers) {
            w.loaded(type);
        }
    }

    /** Finds the classes whose loader went away; their watchers hear it and the classes are watched for again. */
    private void pollLoaders() {
        Map<String, Found> all;
        synchronized (this) {
            all = new LinkedHashMap<>(found);
        }
        for (Map.Entry<String, Found> e : all.entrySet()) {
            Class<?> type = e.getValue().type.get();
            if (type != null && !stopped(type.getClassLoader()) && visible(type.getClassLoader(), e.getKey()) == type) {
                continue;
            }
            synchronized (this) {
                if (found.remove(e.getKey(), e.getValue())) {
                    watchChanged();
                } else {
                    continue;
                }
            }
            if (type != null) {
                RouteBinder.forget(type.getClassLoader());
            }
            System.err.println("ptimer: the class loader of " + e.getKey() + " (" + e.getValue().loader
                    + ") went away; its timers end and wait for the class again");
            for (Watcher w : e.getValue().watchers) {
                try {
                    w.gone();
                } catch (RuntimeException | LinkageError x) {
                    Log.error("ptimer: ending the timers of " + e.getKey() + " failed: " + x, x);
                }
            }
        }
    }

    /**
     * Whether a loader says it is stopped: a servlet container's web application loader (Tomcat's
     * {@code getStateName()}) after its application was undeployed.
     */
    private static boolean stopped(ClassLoader loader) {
        try {
            Object state = loader.getClass().getMethod("getStateName").invoke(loader);
            return state != null && STOPPED_STATES.contains(state.toString());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** A loader in one line: its name or class, and the web application it serves, if it says. */
    static String describe(ClassLoader loader) {
        if (loader == null) {
            return "the bootstrap class loader";
        }
        String what = loader.getName() != null ? loader.getName() : loader.getClass().getName();
        String context = null;
        try {
            Object c = loader.getClass().getMethod("getContextName").invoke(loader);
            context = c == null ? null : c.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a web application loader
        }
        return what + "@" + Integer.toHexString(System.identityHashCode(loader))
                + (context == null ? "" : " (web application " + context + ")");
    }

    /** A class of that name already loaded by any loader (for a late attach), or {@code null}. */
    public Class<?> alreadyLoaded(String name) {
        if (inst == null) {
            return null;
        }
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
