package io.ptimer.agent.exec;

import java.util.concurrent.TimeUnit;

/**
 * The errors of one lane's runs: counted, the last one kept for operators, and logged at most once
 * a second with the number of those left out. Written by one thread, read by anyone.
 */
public final class Errors {
    private static final long LOG_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private long nextLog = Long.MIN_VALUE;
    private long suppressed;
    private volatile long count;
    private volatile String last;

    /**
     * Counts one error and logs it unless a message went out less than a second ago.
     *
     * @param summary what operators see as the last error, e.g. {@code loop: java.lang.IllegalStateException}
     * @param message the log line
     */
    public void record(String summary, String message, Throwable error) {
        count++;
        last = summary;
        long now = System.nanoTime();
        if (nextLog != Long.MIN_VALUE && now - nextLog < 0) {
            suppressed++;
            return;
        }
        nextLog = now + LOG_PERIOD_NANOS;
        String more = suppressed == 0 ? "" : " (" + suppressed + " more like it since the last report)";
        suppressed = 0;
        Log.error(message + more, error);
    }

    public long count() {
        return count;
    }

    /** The last error's summary, or {@code null}. */
    public String last() {
        return last;
    }
}
