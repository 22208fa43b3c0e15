package io.ptimer.agent.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * What {@code io.ptimer.api.Async} calls, found by name: static methods taking and returning only JDK
 * types, each handing over to the async system of this JVM's engine. The API has checked the ranges
 * and sizes it can check itself; everything else is checked here, before anything is queued.
 */
public final class AsyncBridge {
    private AsyncBridge() {
    }

    /** {@code async_route} and {@code async_ms_route}: runs {@code route} {@code delayNanos} from now. */
    public static void route(String route, long delayNanos) {
        Engine.current().async().route(route, delayNanos);
    }

    /** {@code async_sleep} and {@code async_ms_sleep}: a future completed on an async timer thread. */
    public static CompletableFuture<Void> sleep(long delayNanos) {
        return Engine.current().async().sleep(delayNanos);
    }

    /** The {@code async_task_*} functions: queues {@code route} on {@code group} (null: default) with {@code data} (may be null). */
    public static void task(String route, String group, String data) {
        Engine.current().async().task(route, group, data);
    }

    /** {@code async_tkv_emit}: queues an event for the event route. */
    public static void tkvEmit(int type, String key, String value) {
        Engine.current().async().tkvEmit(type, key, value);
    }
}
