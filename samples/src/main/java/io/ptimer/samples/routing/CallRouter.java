package io.ptimer.samples.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The calls of one destination set: a daemon thread that routes a steady number of calls a second
 * to the set's next active destination ({@code ds_select_dst} in {@code request_route}) and logs
 * where each one went.
 */
final class CallRouter {
    private final int set;
    private final int perSecond;
    private final Thread thread;
    private final List<Routed> log = new ArrayList<>();
    private volatile boolean stopped;

    /** A call routed at {@code nanos} to {@code uri}, or to {@code null} when no destination was active. */
    record Routed(long nanos, String uri) {
    }

    CallRouter(int set, int perSecond) {
        this.set = set;
        this.perSecond = perSecond;
        this.thread = new Thread(this::run, "callers-set-" + set);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.join();
    }

    /** Every call routed so far. */
    synchronized List<Routed> log() {
        return List.copyOf(log);
    }

    private void run() {
        long gap = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long next = System.nanoTime();
        while (!stopped) {
            String uri = Dispatcher.get().next(set);
            synchronized (this) {
                log.add(new Routed(System.nanoTime(), uri));
            }
            next += gap;
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }
}
