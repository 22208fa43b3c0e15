package io.ptimer.bench;

import io.ptimer.api.CoreTimers;
import io.ptimer.api.TimerFunction;
import io.ptimer.api.TimerHandle;

/** The agent's core timers at scale: {@code CoreTimers.registerTimerMs}, all on {@code ptimer-core}. */
public final class CoreScaleHost {
    private CoreScaleHost() {
    }

    public static void main(String[] args) throws Exception {
        TimerHandle[] handles = new TimerHandle[Integer.getInteger("bench.timers")];
        ScaleProbe.run(new ScaleProbe.Scheduler() {
            @Override
            public void warm() {
                CoreTimers.registerTimerMs(name(0), function(() -> { }), null, 3_600_000).cancel();
            }

            @Override
            public void start(int timer, long intervalNanos, Runnable tick) {
                handles[timer] = CoreTimers.registerTimerMs(name(timer), function(tick), null,
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

    /**
     * A timer's name and its callback, each made at one place that {@code warm} passes through
     * first, so that the first timer's registration does not pay for linking either.
     */
    private static String name(int timer) {
        return "scale-" + timer;
    }

    private static TimerFunction function(Runnable tick) {
        return (ticks, param) -> tick.run();
    }
}
