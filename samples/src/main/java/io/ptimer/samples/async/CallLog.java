package io.ptimer.samples.async;

import io.ptimer.api.AsyncContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code async_task_data("RESUME", "caller: $fU - callee: $tU")} with {@code route[RESUME] { xinfo("$async(data)\n"); }}:
 * the data is logged on a worker of the group {@code abc}, off the request's thread.
 */
public final class CallLog {
    static final AtomicInteger LOGGED = new AtomicInteger();

    private CallLog() {
    }

    /** route[RESUME] of the data example. */
    public static void log(AsyncContext ctx) {
        LOGGED.incrementAndGet();
        System.out.println("INFO    " + ctx.data() + " (" + Thread.currentThread().getName() + ")");
    }
}
