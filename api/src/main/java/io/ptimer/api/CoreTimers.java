package io.ptimer.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Kamailio's core timer API for application code: callbacks every N seconds or milliseconds, on
 * the one shared timer thread {@code ptimer-core} ({@code register_timer}) or on a thread of their
 * own ({@code register_timer_process}), and the ticks since the engine started.
 *
 * <p>Each callback runs on its own grid {@code t0 + k·interval}, the first one interval after
 * registration. After a run that overran its next grid point the next run starts at once and the
 * grid restarts there: no burst of catch-up runs. On the shared thread callbacks run one after
 * another, so a slow one delays the others.
 *
 * <p>The engine is the agent's ({@code -javaagent:ptimer-agent.jar} or {@code attach}); with the
 * agent jar merely on the class path it starts in this JVM at the first call; with neither, every
 * call throws {@link IllegalStateException}.
 */
public final class CoreTimers {
    /** Raw ticks per second: {@link #ticksRaw()} counts milliseconds. */
    public static final int TICKS_HZ = 1000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final String BRIDGE = "io.ptimer.agent.boot.CoreTimersBridge";

    private CoreTimers() {
    }

    /** The bridge into the engine, found at the first call. */
    private static final class Bridge {
        static final MethodHandle REGISTER = AgentLink.find(BRIDGE, "register", MethodType.methodType(
                TimerHandle.class, String.class, TimerFunction.class, Object.class, long.class, boolean.class));
        static final MethodHandle TICKS = AgentLink.find(BRIDGE, "ticks", MethodType.methodType(long.class));
        static final MethodHandle TICKS_RAW = AgentLink.find(BRIDGE, "ticksRaw", MethodType.methodType(long.class));
    }

    /**
     * Runs {@code f} every {@code intervalSeconds} on the shared timer thread ({@code register_timer}).
     *
     * @param name            the timer's name, {@code [A-Za-z0-9_.-]+}, unique among timers not cancelled
     * @param f               the callback
     * @param param           given to every run of {@code f}; may be {@code null}
     * @param intervalSeconds the interval, at least 1
     * @return the timer, to cancel it
     * @throws IllegalArgumentException for a bad name, a null function or an interval below 1, naming the value
     * @throws IllegalStateException    when there is no ptimer engine in this JVM
     */
    public static TimerHandle registerTimer(String name, TimerFunction f, Object param, int intervalSeconds) {
        return register(name, f, param, positive(intervalSeconds, "intervalSeconds"), TimeUnit.SECONDS, false);
    }

    /**
     * Runs {@code f} every {@code intervalMillis} on the shared timer thread.
     *
     * @param name           the timer's name, {@code [A-Za-z0-9_.-]+}, unique among timers not cancelled
     * @param f              the callback
     * @param param          given to every run of {@code f}; may be {@code null}
     * @param intervalMillis the interval, at least 1
     * @return the timer, to cancel it
     * @throws IllegalArgumentException for a bad name, a null function or an interval below 1, naming the value
     * @throws IllegalStateException    when there is no ptimer engine in this JVM
     */
    public static TimerHandle registerTimerMs(String name, TimerFunction f, Object param, int intervalMillis) {
        return register(name, f, param, positive(intervalMillis, "intervalMillis"), TimeUnit.MILLISECONDS, false);
    }

    /**
     * Runs {@code f} every {@code intervalSeconds} on a daemon thread of its own,
     * {@code ptimer-core-<name>} ({@code register_timer_process}).
     *
     * @param name            the timer's name, {@code [A-Za-z0-9_.-]+}, unique among timers not cancelled
     * @param f               the callback
     * @param param           given to every run of {@code f}; may be {@code null}
     * @param intervalSeconds the interval, at least 1
     * @return the timer, to cancel it
     * @throws IllegalArgumentException for a bad name, a null function or an interval below 1, naming the value
     * @throws IllegalStateException    when there is no ptimer engine in this JVM
     */
    public static TimerHandle registerTimerProcess(String name, TimerFunction f, Object param, int intervalSeconds) {
        return register(name, f, param, positive(intervalSeconds, "intervalSeconds"), TimeUnit.SECONDS, true);
    }

    /**
     * Runs {@code f} every {@code intervalMillis} on a daemon thread of its own, {@code ptimer-core-<name>}.
     *
     * @param name           the timer's name, {@code [A-Za-z0-9_.-]+}, unique among timers not cancelled
     * @param f              the callback
     * @param param          given to every run of {@code f}; may be {@code null}
     * @param intervalMillis the interval, at least 1
     * @return the timer, to cancel it
     * @throws IllegalArgumentException for a bad name, a null function or an interval below 1, naming the value
     * @throws IllegalStateException    when there is no ptimer engine in this JVM
     */
    public static TimerHandle registerTimerProcessMs(String name, TimerFunction f, Object param, int intervalMillis) {
        return register(name, f, param, positive(intervalMillis, "intervalMillis"), TimeUnit.MILLISECONDS, true);
    }

    /**
     * Kamailio's {@code get_ticks()}.
     *
     * @return whole seconds since the engine started
     * @throws IllegalStateException when there is no ptimer engine in this JVM
     */
    public static long ticks() {
        return call(Bridge.TICKS);
    }

    /**
     * Kamailio's {@code get_ticks_raw()}.
     *
     * @return {@link #TICKS_HZ} ticks per second since the engine started
     * @throws IllegalStateException when there is no ptimer engine in this JVM
     */
    public static long ticksRaw() {
        return call(Bridge.TICKS_RAW);
    }

    private static long positive(int interval, String what) {
        if (interval <= 0) {
            throw new IllegalArgumentException(what + " must be >= 1, not " + interval);
        }
        return interval;
    }

    private static TimerHandle register(String name, TimerFunction f, Object param, long interval, TimeUnit unit,
                                        boolean dedicated) {
        if (name == null || name.isEmpty() || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("timer name " + (name == null ? "null" : "\"" + name + "\"")
                    + " is not allowed: use letters, digits, '_', '.' and '-' (at least one)");
        }
        if (f == null) {
            throw new IllegalArgumentException("timer \"" + name + "\": the function is null");
        }
        MethodHandle register = Bridge.REGISTER;
        if (register == null) {
            throw AgentLink.missing();
        }
        try {
            return (TimerHandle) register.invokeExact(name, f, param, unit.toNanos(interval), dedicated);
        } catch (Throwable t) {
            throw AgentLink.rethrow(t);
        }
    }

    private static long call(MethodHandle ticks) {
        if (ticks == null) {
            throw AgentLink.missing();
        }
        try {
            return (long) ticks.invokeExact();
        } catch (Throwable t) {
            throw AgentLink.rethrow(t);
        }
    }
}
