package io.ptimer.samples.bench;

import io.ptimer.api.CoreTimers;
import io.ptimer.api.TimerHandle;

/** The agent's core timers at scale: {@code CoreTimers.registerTimerMs}, all on {@code ptimer-core}. */
public final class CoreScaleHost {
    private CoreScaleHost() {
    }

    public static void main(String[] args) throws Exception {
        TimerHandle[] handles = new TimerHandle[Integer.getInteger("bench.timers")];
        ScaleProbe.run(new ScaleProbe.Scheduler() {
            @Override
            public void start(int timer, long intervalNanos, Runnable tick) {
                handles[timer] = CoreTimers.registerTimerMs("scale-" + timer, (ticks, param) -> tick.run(), null,
                        (int) (intervalNanos / 1_000_000));
            }

            @Override
            public void stop() throws InterruptedException {
                for (TimerHandle h : handles) {
                    h.cancel();
                }
                Thread.sleep(100);
            }
        });
    }
}
