package io.ptimer.agent.exec;

import io.ptimer.agent.jfr.Flight;
import java.util.concurrent.TimeUnit;

/**
 * The errors of one lane's runs: counted, the last one kept for operators, and logged at most once
 * a second with the number of those left out. Written by one thread, read by anyone.
 *
 * <p>Recording never throws, whatever the error: one whose {@code toString()} or
 * {@code getMessage()} throws is described by its class name, and when describing or logging fails
 * altogether (no memory left, a host logger that throws) the error is still counted and its report
 * joins the next one's count of those left out. The count goes first, so nothing is lost uncounted.
 */
public final class Errors {
    private static final long LOG_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String source;
    /** Confined to the writing thread. */
    private long nextLog = Long.MIN_VALUE;
    /** Confined to the writing thread: errors since the last report that were not logged. */
    private long suppressed;
    /** Single writer, read by anyone. */
    private volatile long count;
    /** Single writer, read by anyone. */
    private volatile String last;

    /** @param source who runs what fails, the log line's beginning, e.g. {@code ptimer: core timer "purge"} */
    public Errors(String source) {
        this.source = source;
    }

    /**
     * Counts one error and logs it unless a message went out less than a second ago.
     *
     * @param role what failed for operators, e.g. {@code loop}, or {@code null} when the source says it all
     * @param route the route that failed, for the log line (its {@code toString()}), or {@code null}
     */
    public void record(String role, Object route, Throwable error) {
        count++;
        try {
            String said = said(error);
            String description = said != null ? said : error.getClass().getName() + " (which failed to describe itself)";
            last = role == null ? description : role + ": " + description;
            Flight.routeError(source, role, route, error, description);
            long now = System.nanoTime();
            if (nextLog != Long.MIN_VALUE && now - nextLog < 0) {
                suppressed++;
                return;
            }
            nextLog = now + LOG_PERIOD_NANOS;
            long more = suppressed;
            suppressed = 0;
            String what = role == null ? "" : ": " + role + " route " + route;
            String left = more == 0 ? "" : " (" + more + " more like it since the last report)";
            Log.error(source + what + " threw " + description + left, said != null ? error : null);
        } catch (Throwable unreportable) {
            suppressed++;
        }
    }

    /** What {@code error} says of itself, or {@code null} when saying so throws. */
    private static String said(Throwable error) {
        try {
            return String.valueOf(error);
        } catch (Throwable unreadable) {
            return null;
        }
    }

    public long count() {
        return count;
    }

    /** The last error's summary, or {@code null}. */
    public String last() {
        return last;
    }
}
