package io.ptimer.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * How the API reaches the engine of the agent jar without depending on it: a public static method
 * of an agent class, found once by name in the loaders that may see the agent jar (this class's,
 * the system class loader, the thread's context loader). With {@code -javaagent} or {@code attach}
 * the agent jar is on the system class path; with the jar merely on the class path the engine
 * starts in this JVM at the first call.
 */
final class AgentLink {
    private AgentLink() {
    }

    /**
     * The static method {@code className.method} of type {@code type}.
     *
     * @return the method, or {@code null} when no loader has the agent jar
     * @throws IllegalStateException when the agent is there but does not fit this API (another version)
     */
    static MethodHandle find(String className, String method, MethodType type) {
        for (ClassLoader loader : loaders()) {
            Class<?> bridge;
            try {
                bridge = Class.forName(className, true, loader);
            } catch (ClassNotFoundException e) {
                continue;
            }
            try {
                return MethodHandles.publicLookup().findStatic(bridge, method, type);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the ptimer agent in this JVM does not fit this ptimer-api (" + e
                        + "): use the api of the agent's own version", e);
            }
        }
        return null;
    }

    /** The error of every call when no engine can be found. */
    static IllegalStateException missing() {
        return new IllegalStateException("no ptimer engine in this JVM: add -javaagent:ptimer-agent.jar to the java"
                + " command (or put ptimer-agent.jar on the class path)");
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> loaders = new ArrayList<>(3);
        ClassLoader own = AgentLink.class.getClassLoader();
        if (own != null) {
            loaders.add(own);
        }
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (!loaders.contains(system)) {
            loaders.add(system);
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && !loaders.contains(context)) {
            loaders.add(context);
        }
        return loaders;
    }

    /** Rethrows what a bridge method threw: unchecked as is, anything else wrapped. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
