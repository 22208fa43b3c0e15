package io.ptimer.agent.boot;

import io.ptimer.agent.async.AsyncSystem;
import io.ptimer.agent.jmx.Jmx;
import io.ptimer.agent.runtime.Engine;
import java.util.concurrent.CompletableFuture;

/**
 * Where {@code io.ptimer.api.Async} enters the engine, found by name: static methods taking and
 * returning only JDK types, each handing over to the async system of the agent's engine, or of one
 * started in this JVM (with its MBeans) when the agent jar is only on the class path. The API has
 * checked the ranges and sizes it can check itself; everything else is checked there, before
 * anything is queued.
 */
public final class AsyncBridge {
    private AsyncBridge() {
    }

    /** The engine's async system, looked up at the first call: an engine is never replaced. */
    private static final class Holder {
        static final AsyncSystem ASYNC = Engine.current(Jmx::publishLater).async();
    }

    /** {@code async_route} and {@code async_ms_route}: runs {@code route} {@code delayNanos} from now. */
    public static void route(String route, long delayNanos) {
        Holder.ASYNC.route(route, delayNanos);
    }

    /** {@code async_sleep} and {@code async_ms_sleep}: a future completed on an async timer thread. */
    public static CompletableFuture<Void> sleep(long delayNanos) {
        return Holder.ASYNC.sleep(delayNanos);
    }

    /** The {@code async_task_*} functions: queues {@code route} on {@code group} (null: default) with {@code data} (may be null). */
    public static void task(String route, String group, String data) {
        Holder.ASYNC.task(route, group, data);
    }

    /** {@code async_tkv_emit}: queues an event for the event route. */
    public static void tkvEmit(int type, String key, String value) {
        Holder.ASYNC.tkvEmit(type, key, value);
    }
}
