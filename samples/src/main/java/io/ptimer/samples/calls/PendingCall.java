package io.ptimer.samples.calls;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A call parked until a timer relays it: the Java form of Kamailio's {@code t_suspend()}. It is
 * resumed ({@code t_continue()}) at most once; a second resume is refused and reported.
 */
public final class PendingCall {
    private final long offeredNanos = System.nanoTime();
    private final AtomicReference<String> target = new AtomicReference<>();

    /** When the call was offered, in {@link System#nanoTime()} terms. */
    public long offeredNanos() {
        return offeredNanos;
    }

    /** Sends the call on to {@code target}; {@code false} if it had already been sent somewhere. */
    public boolean resume(String target) {
        return this.target.compareAndSet(null, target);
    }

    /** Where the call was relayed, or {@code null} while it is pending. */
    public String target() {
        return target.get();
    }
}
