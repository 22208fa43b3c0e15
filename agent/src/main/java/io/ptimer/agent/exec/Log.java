package io.ptimer.agent.exec;

import java.lang.System.Logger.Level;

/**
 * The agent's messages, through {@link System.Logger} named {@code io.ptimer}: they reach
 * java.util.logging by default, or whatever logging the host plugs into the platform logger.
 * The logger is looked up on first use, never during premain unless there is something to say.
 *
 * <p>Never throws: a host logger that fails leaves the message to stderr, and when that fails too
 * the message is dropped rather than the thread that was saying it.
 */
public final class Log {
    private static volatile System.Logger logger;

    private Log() {
    }

    public static void info(String message) {
        log(Level.INFO, message, null);
    }

    public static void warn(String message) {
        log(Level.WARNING, message, null);
    }

    public static void error(String message, Throwable error) {
        log(Level.ERROR, message, error);
    }

    private static void log(Level level, String message, Throwable error) {
        try {
            System.Logger l = logger;
            if (l == null) {
                l = logger = System.getLogger("io.ptimer");
            }
            if (error == null) {
                l.log(level, message);
            } else {
                l.log(level, message, error);
            }
        } catch (Throwable loggerFailed) {
            try {
                System.err.println(message + " (the io.ptimer logger failed: " + loggerFailed.getClass().getName() + ")");
            } catch (Throwable stderrFailed) {
                // Nowhere left to say it.
            }
        }
    }
}
