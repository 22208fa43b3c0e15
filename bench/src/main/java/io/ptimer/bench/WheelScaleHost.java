package io.ptimer.bench;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Netty's {@code HashedWheelTimer} at scale, 1 ms tick: every timer a task that re-arms itself with
 * {@code newTimeout} for its next grid point {@code t0 + (k+1)·interval} (at once when that passed).
 */
public final class WheelScaleHost {
    private WheelScaleHost() {
    }

    public static void main(String[] args) throws Exception {
        HashedWheelTimer wheel = new HashedWheelTimer(1, TimeUnit.MILLISECONDS);
        wheel.start();
        ScaleProbe.run(new ScaleProbe.Scheduler() {
            @Override
            public void warm() throws InterruptedException {
                CountDownLatch ran = new CountDownLatch(1);
                wheel.newTimeout(timeout -> ran.countDown(), 1, TimeUnit.MILLISECONDS);
                ran.await();
            }

            @Override
            public void start(int timer, long intervalNanos, Runnable tick) {
                long t0 = System.nanoTime();
                wheel.newTimeout(new TimerTask() {
                    private long k = 1;

                    @Override
                    public void run(Timeout timeout) {
                        tick.run();
                        long next = t0 + ++k * intervalNanos;
                        wheel.newTimeout(this, Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
                    }
                }, intervalNanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void stop() {
                wheel.stop();
            }
        });
    }
}
