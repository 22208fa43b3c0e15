package io.ptimer.samples.calls;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The callers: a daemon thread that offers calls to a queue as a {@link Traffic} says, checking
 * every millisecond, until stopped. Offering is the sample's {@code request_route}: each call is
 * parked ({@code t_suspend}) and queued ({@code mq_add}).
 */
public final class CallSource {
    private final CallQueue queue;
    private final Traffic traffic;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile long offered;
    private long startNanos;
    private double seconds;

    public CallSource(String name, CallQueue queue, Traffic traffic) {
        this.queue = queue;
        this.traffic = traffic;
        this.thread = new Thread(this::run, "callers-" + name);
        this.thread.setDaemon(true);
    }

    /** Starts offering; time 0 of the traffic is {@code startNanos}, and no call is offered after {@code seconds}. */
    public void start(long startNanos, double seconds) {
        this.startNanos = startNanos;
        this.seconds = seconds;
        thread.start();
    }

    public void stop() throws InterruptedException {
        stopped = true;
        thread.join();
    }

    public long offered() {
        return offered;
    }

    private void run() {
        long done = 0;
        while (!stopped) {
            long due = traffic.offeredBy(Math.min(seconds, (System.nanoTime() - startNanos) / 1e9));
            for (; done < due; done++) {
                queue.add(new PendingCall());
                offered = done + 1;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
