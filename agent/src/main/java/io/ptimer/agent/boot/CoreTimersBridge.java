package io.ptimer.agent.boot;

import io.ptimer.agent.jmx.Jmx;
import io.ptimer.agent.runtime.Engine;
import io.ptimer.api.TimerFunction;
import io.ptimer.api.TimerHandle;

/**
 * Where {@code io.ptimer.api.CoreTimers} enters the engine, found by name: the agent's engine, or
 * one started in this JVM (with its MBeans) when the agent jar is only on the class path.
 */
public final class CoreTimersBridge {
    private CoreTimersBridge() {
    }

    /** Registers a core timer; see {@code CoreTimers.registerTimer}. */
    public static TimerHandle register(String name, TimerFunction f, Object param, long intervalNanos,
                                       boolean dedicated) {
        return engine().core().register(name, f, param, intervalNanos, dedicated);
    }

    /** Whole seconds since the engine started. */
    public static long ticks() {
        return engine().ticks().seconds();
    }

    /** Milliseconds since the engine started. */
    public static long ticksRaw() {
        return engine().ticks().raw();
    }

    private static Engine engine() {
        return Engine.current(Jmx::publishLater);
    }
}
