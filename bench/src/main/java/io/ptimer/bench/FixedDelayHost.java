package io.ptimer.bench;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code ScheduledThreadPoolExecutor.scheduleWithFixedDelay} on one thread, measured against its own
 * schedule, a fixed delay after each run ends, as an rtimer's.
 */
public final class FixedDelayHost {
    private FixedDelayHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        FixedDelay runs = FixedDelay.fromProperties();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1);
        pool.prestartAllCoreThreads();
        pool.scheduleWithFixedDelay(runs::tick, Probe.intervalNanos(), Probe.intervalNanos(), TimeUnit.NANOSECONDS);
        Probe.awaitAndExit();
    }
}
