package io.ptimer.agent;

import java.lang.System.Logger.Level;

/**
 * The agent's messages, through {@link System.Logger} named {@code io.ptimer}: they reach
 * java.util.logging by default, or whatever logging the host plugs into the platform logger.
 * The logger is looked up on first use, never during premain unless there is something to say.
 */
final class Log {
    private static volatile System.Logger logger;

    private Log() {
    }

    static void info(String message) {
        log(Level.INFO, message, null);
    }

    static void warn(String message) {
        log(Level.WARNING, message, null);
    }

    static void error(String message, Throwable error) {
        log(Level.ERROR, message, error);
    }

    private static void log(Level level, String message, Throwable error) {
        System.Logger l = logger;
        if (l == null) {
            l = logger = System.getLogger("io.ptimer");
        }
        if (error == null) {
            l.log(level, message);
        } else {
            l.log(level, message, error);
        }
    }

    /** Lets one message through per period and counts the rest; for errors that may repeat every loop. */
    static final class Limiter {
        private final long periodNanos;
        private long next = Long.MIN_VALUE;
        private long suppressed;

        Limiter(long periodNanos) {
            this.periodNanos = periodNanos;
        }

        /** Logs unless a message went out less than a period ago. Single-threaded. */
        void error(String message, Throwable error) {
            long now = System.nanoTime();
            if (next != Long.MIN_VALUE && now - next < 0) {
                suppressed++;
                return;
            }
            next = now + periodNanos;
            String more = suppressed == 0 ? "" : " (" + suppressed + " more like it since the last report)";
            suppressed = 0;
            Log.error(message + more, error);
        }
    }
}
