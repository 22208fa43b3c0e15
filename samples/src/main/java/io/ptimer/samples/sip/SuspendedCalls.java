package io.ptimer.samples.sip;

import io.ptimer.samples.calls.PendingCall;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The INVITE transactions parked until a shaper relays them (Kamailio's {@code t_suspend} table).
 * A call queue holds only the {@link PendingCall}; whoever takes the call out of this table owns its
 * transaction, so a call is relayed or answered exactly once.
 */
final class SuspendedCalls {
    private static final ConcurrentMap<PendingCall, SuspendedInvite> CALLS = new ConcurrentHashMap<>();

    private SuspendedCalls() {
    }

    static void suspend(SuspendedInvite invite) {
        CALLS.put(invite.call(), invite);
    }

    /** The transaction of {@code call}, taken out of the table, or {@code null} if it was already taken. */
    static SuspendedInvite take(PendingCall call) {
        return CALLS.remove(call);
    }

    /**
     * {@code t_continue}: relays {@code call} upstream if it is still suspended.
     *
     * @return when it was relayed ({@link System#nanoTime()}), or -1 if it had been answered meanwhile
     */
    static long resume(PendingCall call, boolean backlog) {
        SuspendedInvite invite = take(call);
        return invite == null ? -1 : invite.relay(backlog);
    }

    /** Answers {@code 503} to every call suspended longer than {@code timeout}, and returns how many. */
    static int expire(Duration timeout) {
        long oldest = System.nanoTime() - timeout.toNanos();
        int expired = 0;
        for (Map.Entry<PendingCall, SuspendedInvite> e : CALLS.entrySet()) {
            if (e.getKey().offeredNanos() - oldest < 0 && CALLS.remove(e.getKey(), e.getValue())) {
                e.getValue().answerQueueTimeout();
                expired++;
            }
        }
        return expired;
    }

    static int size() {
        return CALLS.size();
    }
}
