package io.ptimer.agent.support;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits in a test for what another thread brings about. */
public final class Await {
    private Await() {
    }

    /**
     * Returns as soon as {@code condition} holds, looking every 2 ms.
     *
     * @throws AssertionError naming {@code what} when it does not hold within {@code seconds}
     */
    public static void until(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }
}
