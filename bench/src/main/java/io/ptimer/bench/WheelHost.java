package io.ptimer.bench;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.util.concurrent.TimeUnit;

/**
 * Netty's {@code HashedWheelTimer} with a 1 ms tick, made periodic the way its users do: each run
 * schedules the next for the following grid point, re-anchoring after an overrun like a ptimer
 * sync timer (the wheel has no fixed-rate mode).
 */
public final class WheelHost {
    private static final long FIRST_DELAY = TimeUnit.MILLISECONDS.toNanos(50);

    private WheelHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        Lateness lateness = Probe.lateness(Lateness.Grid.REANCHOR);
        HashedWheelTimer wheel = new HashedWheelTimer(1, TimeUnit.MILLISECONDS);
        wheel.start();
        TimerTask tick = new TimerTask() {
            @Override
            public void run(Timeout timeout) {
                lateness.begin(System.nanoTime());
                if (lateness.done()) {
                    Probe.finish(lateness.result());
                    return;
                }
                long next = lateness.end(System.nanoTime());
                wheel.newTimeout(this, Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        };
        lateness.anchor(System.nanoTime() + FIRST_DELAY);
        wheel.newTimeout(tick, FIRST_DELAY, TimeUnit.NANOSECONDS);
        Probe.awaitAndExit();
    }
}
