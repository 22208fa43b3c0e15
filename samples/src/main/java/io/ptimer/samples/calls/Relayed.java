package io.ptimer.samples.calls;

/**
 * One call handed to an upstream: when ({@link System#nanoTime()}), when it had been offered,
 * where to, and whether calls were still waiting in the queue behind it (a backlog existed).
 */
public record Relayed(long nanos, long offeredNanos, String target, boolean backlog) {

    /** How long the call waited in the queue, in milliseconds. */
    public double waitedMillis() {
        return (nanos - offeredNanos) / 1e6;
    }
}
