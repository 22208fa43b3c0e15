package io.ptimer.agent.config;

/**
 * A configuration entry that cannot be used. The message is one line naming the entry, its value
 * and what is wrong, e.g. {@code timer "name=t1;interval=0": interval must be > 0}.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }

    /** An error about one entry {@code key=value}. */
    public static ConfigException entry(String key, String value, String reason) {
        return new ConfigException(key + " \"" + value + "\": " + reason);
    }

    /** The same error, prefixed with where the entry was read (a file and line). */
    ConfigException at(String location) {
        return new ConfigException(location + ": " + getMessage());
    }
}
