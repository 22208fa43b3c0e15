package io.ptimer.agent.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configuration entry: {@code key=value} of a module, and where it was written.
 *
 * @param module   ptimer, rtimer, async, or core for Kamailio's core parameters
 * @param key      the key without its module prefix
 * @param value    the value, unquoted
 * @param location the file and line, or {@code null} for agent arguments
 */
public record Entry(String module, String key, String value, String location) implements Refusal<ConfigException> {

    /** An error about this entry: its location, key and value, and the reason. */
    @Override
    public ConfigException error(String reason) {
        ConfigException e = ConfigException.entry(name(), value, reason);
        return location == null ? e : e.at(location);
    }

    /** The key as users write it: with its module's prefix, except for ptimer's keys and the core parameters. */
    public String name() {
        return module.equals(ConfigReader.DEFAULT_MODULE) || module.equals(ConfigReader.CORE) ? key : module + "." + key;
    }

    /**
     * The value's {@code name=value;name=value} attributes, in order.
     *
     * @throws ConfigException when one is not name=value or is given twice
     */
    public Map<String, String> attributes() throws ConfigException {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String part : value.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw error("attribute \"" + part.trim() + "\" must be name=value");
            }
            String name = part.substring(0, eq).trim();
            if (attrs.put(name, part.substring(eq + 1).trim()) != null) {
                throw error("attribute \"" + name + "\" is given twice");
            }
        }
        return attrs;
    }

    /** The whole value as an int within {@code min..max}; {@code what} names it in the error. */
    public int intIn(String what, int min, int max) throws ConfigException {
        return intIn(value, what, min, max);
    }

    /** {@code text} (the value or one of its attributes) as an int within {@code min..max}. */
    public int intIn(String text, String what, int min, int max) throws ConfigException {
        String range = max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
        int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw error(what + " must be " + range + ", not \"" + text + "\"");
        }
        if (n < min || n > max) {
            throw error(what + " must be " + range + ", not " + n);
        }
        return n;
    }

    /** {@code text} as an interval in ns (see {@link Interval#parseNanos}). */
    public long interval(String text) throws ConfigException {
        return Interval.parseNanos(text, this);
    }
}
