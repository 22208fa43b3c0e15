package io.ptimer.bench;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** {@code ScheduledThreadPoolExecutor(1)} at scale: every timer a {@code scheduleAtFixedRate} task on one thread. */
public final class ExecutorScaleHost {
    private ExecutorScaleHost() {
    }

    public static void main(String[] args) throws Exception {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1);
        pool.prestartAllCoreThreads();
        ScaleProbe.run(new ScaleProbe.Scheduler() {
            @Override
            public void warm() {
                pool.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.HOURS).cancel(false);
                pool.purge();
            }

            @Override
            public void start(int timer, long intervalNanos, Runnable tick) {
                pool.scheduleAtFixedRate(tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void stop() throws InterruptedException {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        });
    }
}
