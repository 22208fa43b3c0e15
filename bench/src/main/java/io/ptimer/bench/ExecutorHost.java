package io.ptimer.bench;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code ScheduledThreadPoolExecutor.scheduleAtFixedRate} on one thread, measured against its own
 * schedule: the first run is due at the trigger time the executor reports (read between two clock
 * readings, after a first call that warms the path up), each next one an
 * interval later (the executor catches up after a late run rather than re-anchoring).
 */
public final class ExecutorHost {
    private static final long FIRST_DELAY = TimeUnit.MILLISECONDS.toNanos(50);

    private ExecutorHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        Lateness lateness = Probe.lateness(Lateness.Grid.CATCH_UP);
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1);
        pool.prestartAllCoreThreads();
        Runnable tick = () -> {
            if (lateness.done()) {
                return;
            }
            lateness.begin(System.nanoTime());
            if (lateness.done()) {
                Probe.finish(lateness.result());
                return;
            }
            lateness.end(System.nanoTime());
        };
        ScheduledFuture<?> future = pool.scheduleAtFixedRate(tick, FIRST_DELAY, Probe.intervalNanos(),
                TimeUnit.NANOSECONDS);
        future.getDelay(TimeUnit.NANOSECONDS);
        long before = System.nanoTime();
        long delay = future.getDelay(TimeUnit.NANOSECONDS);
        long after = System.nanoTime();
        lateness.anchor(before + (after - before) / 2 + delay);
        Probe.awaitAndExit();
    }
}
