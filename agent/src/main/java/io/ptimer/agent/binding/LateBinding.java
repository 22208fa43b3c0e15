package io.ptimer.agent.binding;

import io.ptimer.agent.exec.Log;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Waits for route classes that the system class loader cannot see (Spring Boot, application
 * servers, plug-in loaders) and hands each one over once the application has loaded it, in
 * whichever loader that is.
 *
 * <p>It only watches class names go by: it returns no bytes, so no host class is changed. Once
 * a watched class is being defined, a binder thread waits until the loader has it (through
 * {@link Instrumentation#getInitiatedClasses}, which loads nothing itself) and calls back there.
 */
public final class LateBinding implements ClassFileTransformer {
    private static final long FIND_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Instrumentation inst;
    private final Map<String, List<Consumer<Class<?>>>> waiting = new ConcurrentHashMap<>();
    private ExecutorService binder;
    private boolean installed;

    /** @param inst the agent's instrumentation, or {@code null} in an engine started without the agent */
    public LateBinding(Instrumentation inst) {
        this.inst = inst;
    }

    /** Whether classes can be watched: only with the agent's instrumentation. */
    public boolean available() {
        return inst != null;
    }

    /** Calls {@code onLoaded} on the binder thread once a class of that binary name is loaded. */
    public synchronized void await(String className, Consumer<Class<?>> onLoaded) {
        waiting.computeIfAbsent(className.replace('.', '/'), k -> new ArrayList<>()).add(onLoaded);
        if (!installed) {
            installed = true;
            binder = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "ptimer-binder");
                t.setDaemon(true);
                return t;
            });
            inst.addTransformer(this, false);
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                            byte[] bytes) {
        if (internalName == null || redefined != null || !waiting.containsKey(internalName)) {
            return null;
        }
        synchronized (this) {
            List<Consumer<Class<?>>> callbacks = waiting.remove(internalName);
            if (callbacks != null) {
                binder.execute(() -> deliver(loader, internalName.replace('/', '.'), callbacks));
            }
            if (waiting.isEmpty() && installed) {
                installed = false;
                inst.removeTransformer(this);
                binder.shutdown();
            }
        }
        return null;
    }

    private void deliver(ClassLoader loader, String name, List<Consumer<Class<?>>> callbacks) {
        Class<?> type = find(loader, name);
        if (type == null) {
            Log.warn("ptimer: class " + name + " was being loaded by " + loader + " but did not appear; "
                    + "waiting for it to be loaded again");
            for (Consumer<Class<?>> callback : callbacks) {
                await(name, callback);
            }
            return;
        }
        for (Consumer<Class<?>> callback : callbacks) {
            callback.accept(type);
        }
    }

    private Class<?> find(ClassLoader loader, String name) {
        long deadline = System.nanoTime() + FIND_TIMEOUT_NANOS;
        long pause = TimeUnit.MICROSECONDS.toNanos(100);
        while (System.nanoTime() - deadline < 0) {
            for (Class<?> c : inst.getInitiatedClasses(loader)) {
                if (c.getName().equals(name) && c.getClassLoader() == loader) {
                    return c;
                }
            }
            try {
                TimeUnit.NANOSECONDS.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(50));
        }
        return null;
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
