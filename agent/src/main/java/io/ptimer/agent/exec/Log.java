package io.ptimer.agent.exec;

import java.lang.System.Logger.Level;

/**
 * The agent's messages, through {@link System.Logger} named {@code io.ptimer}: they reach
 * java.util.logging by default, or whatever logging the host plugs into the platform logger.
 * The logger is looked up on first use, never during premain unless there is something to say.
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
}
