package io.ptimer.agent.binding;

/**
 * Where a timer stands with its routes: binding them, waiting for a class or a route factory,
 * running, or failed for a reason. Immutable; its text is what listings and MBeans show.
 */
public record TimerStatus(Kind kind, String detail) {
    /** The kinds of status. */
    public enum Kind {
        BINDING, WAITING, RUNNING, FAILED
    }

    public static final TimerStatus BINDING = new TimerStatus(Kind.BINDING, null);
    public static final TimerStatus RUNNING = new TimerStatus(Kind.RUNNING, null);

    /** Waiting for {@code what}: a class an application loader has not loaded yet, or the route factory. */
    public static TimerStatus waitingFor(String what) {
        return new TimerStatus(Kind.WAITING, what);
    }

    /** Failed for {@code reason}: the timer does not run until it is bound again. */
    public static TimerStatus failed(String reason) {
        return new TimerStatus(Kind.FAILED, reason);
    }

    /** {@code binding}, {@code waiting for ...}, {@code running} or {@code failed: ...}. */
    @Override
    public String toString() {
        return switch (kind) {
            case BINDING -> "binding";
            case WAITING -> "waiting for " + detail;
            case RUNNING -> "running";
            case FAILED -> "failed: " + detail;
        };
    }
}
