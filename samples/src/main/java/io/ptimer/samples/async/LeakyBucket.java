package io.ptimer.samples.async;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The leaky bucket service of the request shaper ({@code http_connect("leakybucket", "/add?key=$fd")}):
 * for each key, how long a new request must wait so that the key's requests leave at most
 * {@code rate} per second. Thread-safe.
 */
final class LeakyBucket {
    private final long gapNanos;
    private final Map<String, Long> nextFree = new HashMap<>();

    LeakyBucket(int rate) {
        this.gapNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    }

    /** Adds a request of {@code key} arriving at {@code now} and returns its delay in ms (0: none). */
    synchronized int add(String key, long now) {
        long free = nextFree.getOrDefault(key, now);
        long leaves = Math.max(free, now);
        nextFree.put(key, leaves + gapNanos);
        return (int) TimeUnit.NANOSECONDS.toMillis(leaves - now + TimeUnit.MILLISECONDS.toNanos(1) - 1);
    }
}
