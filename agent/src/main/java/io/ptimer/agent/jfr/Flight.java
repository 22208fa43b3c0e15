package io.ptimer.agent.jfr;

/**
 * Where the engine reports to JDK Flight Recorder. Each method returns at once unless a recorder has
 * been started in this JVM, and then commits its event only when a recording enables it; none
 * throws.
 */
public final class Flight {
    /** Whether this JVM has the {@code jdk.jfr} module at all; without it no event class is ever loaded. */
    private static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    private Flight() {
    }

    /** Whether events may be recorded now: a flight recorder was started in this JVM. */
    public static boolean on() {
        return PRESENT && jdk.jfr.FlightRecorder.isInitialized();
    }

    /** A loop or run that began {@code latenessNanos} after it was due, past {@code thresholdNanos}. */
    public static void late(String system, String timer, int worker, long latenessNanos, long thresholdNanos) {
        if (on()) {
            LateEvent.emit(system, timer, worker, latenessNanos, thresholdNanos);
        }
    }

    /** A run that ended past its next grid point; {@code skipped} grid points skipped after it. */
    public static void overrun(String system, String timer, int worker, long intervalNanos, long pastNanos,
                               long skipped) {
        if (on()) {
            OverrunEvent.emit(system, timer, worker, intervalNanos, pastNanos, skipped);
        }
    }

    /** A route that threw; {@code description} is what the error says of itself. */
    public static void routeError(String source, String role, Object route, Throwable error, String description) {
        if (on()) {
            RouteErrorEvent.emit(source, role, route, error, description);
        }
    }

    /** A ptimer worker's state change: start, loop or end entered, paused, resumed. */
    public static void workerState(String timer, int worker, String state) {
        if (on()) {
            WorkerStateEvent.emit(timer, worker, state);
        }
    }

    /** An operator's request, as received: {@code worker} -1 for all workers. */
    public static void control(String request, String timer, int worker, String via, String outcome) {
        if (on()) {
            ControlEvent.emit(request, timer, worker, via, outcome);
        }
    }

    /** This JVM stopped sending in {@code cluster} for {@code reason}, or ({@code sending}) sends again. */
    public static void clusterSending(String cluster, boolean sending, String reason) {
        if (on()) {
            ClusterSendingEvent.emit(cluster, sending, reason);
        }
    }

    /** An async task refused because its group's queue was full. */
    public static void queueFull(String group, String route, int bound) {
        if (on()) {
            QueueFullEvent.emit(group, route, bound);
        }
    }

    /** Async work dropped at shutdown: delayed routes not yet due, or tasks still queued. */
    public static void dropped(String what, long count) {
        if (on()) {
            DroppedEvent.emit(what, count);
        }
    }
}
