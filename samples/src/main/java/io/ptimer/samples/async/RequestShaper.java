package io.ptimer.samples.async;

import io.ptimer.api.Async;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * route[REQUESTSHAPER]: a leaky bucket per From domain gives the delay; a request with a delay is held
 * by {@code async_ms_sleep} that long and then relayed on the async timer thread, one without is
 * relayed at once. The continuation is made before the sleep starts, so that it is attached to the
 * future before the future can complete: then it runs on the async timer thread.
 */
final class RequestShaper {
    /** A relayed request: its number, when it arrived and left (nanoTime), the delay asked and the thread. */
    record Relay(int id, long arrived, long relayed, int delayMillis, String thread) {
    }

    private final LeakyBucket bucket;
    private final List<Relay> relayed = new CopyOnWriteArrayList<>();

    RequestShaper(int rate) {
        this.bucket = new LeakyBucket(rate);
    }

    void shape(Request r, String fromDomain) {
        int delay = bucket.add(fromDomain, r.arrived());
        if (delay > 0) {
            Runnable relay = () -> relay(r, delay);
            Async.msSleep(delay).thenRun(relay);
            return;
        }
        relay(r, 0);
    }

    private void relay(Request r, int delay) {
        relayed.add(new Relay(r.id(), r.arrived(), System.nanoTime(), delay, Thread.currentThread().getName()));
    }

    List<Relay> relayed() {
        return relayed;
    }
}
