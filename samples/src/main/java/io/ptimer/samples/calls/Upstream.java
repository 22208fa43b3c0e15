package io.ptimer.samples.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where relayed calls go ({@code t_relay()}): it resumes each pending call once and logs every
 * relay with the time it happened. The log is in time order, because the time is taken under the
 * same lock that appends it; a reader drains it as it goes, so it stays small.
 */
public final class Upstream {
    private static final ConcurrentMap<String, Upstream> UPSTREAMS = new ConcurrentHashMap<>();

    private final String name;
    private List<Relayed> log = new ArrayList<>();
    private long relayed;
    private long refused;

    private Upstream(String name) {
        this.name = name;
    }

    /** The upstream with that name, made on first use. */
    public static Upstream named(String name) {
        return UPSTREAMS.computeIfAbsent(name, Upstream::new);
    }

    public String name() {
        return name;
    }

    /**
     * Relays {@code call} to {@code target} and returns the time it did, or refuses it (and counts
     * that) if the call had already been relayed.
     *
     * @param backlog whether calls were still queued behind this one
     */
    public synchronized long relay(PendingCall call, String target, boolean backlog) {
        long now = System.nanoTime();
        if (!call.resume(target)) {
            refused++;
            return now;
        }
        relayed++;
        log.add(new Relayed(now, call.offeredNanos(), target, backlog));
        return now;
    }

    /** The relays logged since the last drain, oldest first. */
    public synchronized List<Relayed> drain() {
        List<Relayed> out = log;
        log = new ArrayList<>();
        return out;
    }

    public synchronized long relayed() {
        return relayed;
    }

    /** Calls that a route tried to relay a second time. */
    public synchronized long refused() {
        return refused;
    }
}
