package io.ptimer.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Kamailio's async module for application code: run a route later, or at once on a group of task
 * workers, with data, and emit type/key/value events.
 *
 * <p>A route is {@code "com.example.Class::method"}: a public method, static or not (one instance per
 * worker thread), taking {@code ()} or {@code (}{@link AsyncContext}{@code )}; the event route of
 * {@link #tkvEmit} takes {@code (}{@link TkvEvent}{@code )}. Each distinct route string is bound once
 * and kept. Every call checks its arguments and fails at once, queuing nothing, when it cannot be
 * run. An exception from a route is counted and logged by the agent; the worker goes on.
 *
 * <p>The engine is the agent's ({@code -javaagent:ptimer-agent.jar}); with the agent jar merely on
 * the class path, one starts in this JVM at the first call.
 */
public final class Async {
    /** The longest delay of {@link #route} and {@link #sleep}, in seconds. */
    public static final int MAX_SECONDS = 100;
    /** The longest delay of {@link #msRoute} and {@link #msSleep}, in milliseconds. */
    public static final int MAX_MILLIS = 30_000;
    /** The most UTF-8 bytes of the data of a task and of the value of an event. */
    public static final int MAX_VALUE_BYTES = 1024;

    private Async() {
    }

    /**
     * Runs {@code route} on an async timer thread {@code seconds} from now ({@code async_route}).
     *
     * @param route   the route, {@code com.example.Class::method}
     * @param seconds the delay, 1 to 100
     * @throws IllegalArgumentException for a delay out of range or a route that cannot be called
     * @throws IllegalStateException    when there is no ptimer engine in this JVM, or it is shutting down
     */
    public static void route(String route, int seconds) {
        delayed(route, TimeUnit.SECONDS.toNanos(check(seconds, MAX_SECONDS, "s")));
    }

    /**
     * Runs {@code route} on an async timer thread {@code millis} from now ({@code async_ms_route}).
     *
     * @param route  the route, {@code com.example.Class::method}
     * @param millis the delay, 1 to 30000
     * @throws IllegalArgumentException for a delay out of range or a route that cannot be called
     * @throws IllegalStateException    when there is no ptimer engine in this JVM, or it is shutting down
     */
    public static void msRoute(String route, int millis) {
        delayed(route, TimeUnit.MILLISECONDS.toNanos(check(millis, MAX_MILLIS, "ms")));
    }

    /**
     * A future completed on an async timer thread {@code seconds} from now ({@code async_sleep}):
     * work chained with {@code thenRun} continues on that thread.
     *
     * @param seconds the delay, 1 to 100
     * @return the future, completed with {@code null}
     * @throws IllegalArgumentException for a delay out of range
     * @throws IllegalStateException    when there is no ptimer engine in this JVM, or it is shutting down
     */
    public static CompletableFuture<Void> sleep(int seconds) {
        return sleeping(TimeUnit.SECONDS.toNanos(check(seconds, MAX_SECONDS, "s")));
    }

    /**
     * A future completed on an async timer thread {@code millis} from now ({@code async_ms_sleep}).
     *
     * @param millis the delay, 1 to 30000
     * @return the future, completed with {@code null}
     * @throws IllegalArgumentException for a delay out of range
     * @throws IllegalStateException    when there is no ptimer engine in this JVM, or it is shutting down
     */
    public static CompletableFuture<Void> msSleep(int millis) {
        return sleeping(TimeUnit.MILLISECONDS.toNanos(check(millis, MAX_MILLIS, "ms")));
    }

    /**
     * Queues {@code route} on the task group {@code default} ({@code async_task_route}).
     *
     * @param route the route, {@code com.example.Class::method}
     * @throws IllegalArgumentException for a route that cannot be called, or no group {@code default}
     * @throws IllegalStateException    when the group is full and non-blocking, there is no ptimer engine in
     *                                  this JVM, or it is shutting down
     */
    public static void taskRoute(String route) {
        task(route, null, null);
    }

    /**
     * Queues {@code route} on the task group {@code group} ({@code async_task_group_route}).
     *
     * @param route the route, {@code com.example.Class::method}
     * @param group the group's name, as configured by {@code async_workers_group}
     * @throws IllegalArgumentException for a route that cannot be called or an unknown group (the message lists
     *                                  the groups)
     * @throws IllegalStateException    when the group is full and non-blocking, there is no ptimer engine in
     *                                  this JVM, or it is shutting down
     */
    public static void taskGroupRoute(String route, String group) {
        task(route, group(group), null);
    }

    /**
     * Queues {@code route} with {@code data} on the task group {@code default} ({@code async_task_data}); the
     * route reads it as {@link AsyncContext#data()}.
     *
     * @param route the route, {@code com.example.Class::method}
     * @param data  at most 1024 bytes in UTF-8
     * @throws IllegalArgumentException for a route that cannot be called, data over 1024 bytes, or no group
     *                                  {@code default}
     * @throws IllegalStateException    when the group is full and non-blocking, there is no ptimer engine in
     *                                  this JVM, or it is shutting down
     */
    public static void taskData(String route, String data) {
        task(route, null, value("data", data));
    }

    /**
     * Queues {@code route} with {@code data} on the task group {@code group} ({@code async_task_group_data}).
     *
     * @param route the route, {@code com.example.Class::method}
     * @param group the group's name, as configured by {@code async_workers_group}
     * @param data  at most 1024 bytes in UTF-8
     * @throws IllegalArgumentException for a route that cannot be called, an unknown group (the message lists
     *                                  the groups), or data over 1024 bytes
     * @throws IllegalStateException    when the group is full and non-blocking, there is no ptimer engine in
     *                                  this JVM, or it is shutting down
     */
    public static void taskGroupData(String route, String group, String data) {
        task(route, group(group), value("data", data));
    }

    /**
     * Emits a type/key/value event ({@code async_tkv_emit}): the route {@code async_tkv_evcb} receives it as a
     * {@link TkvEvent} on the group {@code async_tkv_gname}.
     *
     * @param type  the event's type
     * @param key   the event's key
     * @param value the event's value, at most 1024 bytes in UTF-8
     * @throws IllegalArgumentException for a null key or value, or a value over 1024 bytes
     * @throws IllegalStateException    when no tkv group or event route is configured, the group is full and
     *                                  non-blocking, there is no ptimer engine in this JVM, or it is shutting down
     */
    public static void tkvEmit(int type, String key, String value) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        value("value", value);
        try {
            (Bridge.handle(Bridge.TKV)).invokeExact(type, key, value);
        } catch (Throwable t) {
            throw AgentLink.rethrow(t);
        }
    }

    private static int check(int delay, int max, String unit) {
        if (delay < 1 || delay > max) {
            throw new IllegalArgumentException("delay must be 1 to " + max + " " + unit + ", not " + delay + " " + unit);
        }
        return delay;
    }

    private static String group(String group) {
        if (group == null) {
            throw new IllegalArgumentException("group must not be null");
        }
        return group;
    }

    /** {@code text} when it has at most {@link #MAX_VALUE_BYTES} bytes in UTF-8. */
    private static String value(String what, String text) {
        if (text != null && text.length() > MAX_VALUE_BYTES / 3 && utf8Length(text) > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException(what + " must be at most " + MAX_VALUE_BYTES
                    + " bytes in UTF-8, not " + utf8Length(text));
        }
        return text;
    }

    private static int utf8Length(String text) {
        if (text.length() > 4 * MAX_VALUE_BYTES) {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static void delayed(String route, long nanos) {
        if (route == null) {
            throw new IllegalArgumentException("route must not be null");
        }
        try {
            (Bridge.handle(Bridge.ROUTE)).invokeExact(route, nanos);
        } catch (Throwable t) {
            throw AgentLink.rethrow(t);
        }
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Void> sleeping(long nanos) {
        try {
            return (CompletableFuture<Void>) (Bridge.handle(Bridge.SLEEP)).invokeExact(nanos);
        } catch (Throwable t) {
            throw AgentLink.rethrow(t);
        }
    }

    private static void task(String route, String group, String data) {
        if (route == null) {
            throw new IllegalArgumentException("route must not be null");
        }
        try {
            (Bridge.handle(Bridge.TASK)).invokeExact(route, group, data);
        } catch (Throwable t) {
            throw AgentLink.rethrow(t);
        }
    }

    /** The bridge methods of the agent, found at the first call. */
    private static final class Bridge {
        private static final String CLASS = "io.ptimer.agent.boot.AsyncBridge";
        static final MethodHandle ROUTE;
        static final MethodHandle SLEEP;
        static final MethodHandle TASK;
        static final MethodHandle TKV;
        private static final IllegalStateException MISFIT;

        static {
            MethodHandle route = null;
            MethodHandle sleep = null;
            MethodHandle task = null;
            MethodHandle tkv = null;
            IllegalStateException misfit = null;
            try {
                route = AgentLink.find(CLASS, "route", MethodType.methodType(void.class, String.class, long.class));
                sleep = AgentLink.find(CLASS, "sleep", MethodType.methodType(CompletableFuture.class, long.class));
                task = AgentLink.find(CLASS, "task",
                        MethodType.methodType(void.class, String.class, String.class, String.class));
                tkv = AgentLink.find(CLASS, "tkvEmit",
                        MethodType.methodType(void.class, int.class, String.class, String.class));
            } catch (IllegalStateException e) {
                misfit = e;
            }
            ROUTE = route;
            SLEEP = sleep;
            TASK = task;
            TKV = tkv;
            MISFIT = misfit;
        }

        private Bridge() {
        }

        static MethodHandle handle(MethodHandle h) {
            if (MISFIT != null) {
                throw MISFIT;
            }
            if (h == null) {
                throw AgentLink.missing();
            }
            return h;
        }
    }
}
