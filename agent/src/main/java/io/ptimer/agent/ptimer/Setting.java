package io.ptimer.agent.ptimer;

import io.ptimer.agent.config.Interval;
import java.util.Locale;

/** What an operator may change while a timer runs: {@code set <timer> interval|ntasks|nslices=<value>}. */
public enum Setting {
    INTERVAL, NTASKS, NSLICES;

    /** A setting and its new value (ns for the interval). Immutable. */
    public record Change(Setting setting, long value) {
        /** The value as written in the configuration: {@code 1500}, {@code 100ms}. */
        public String valueText() {
            return setting == INTERVAL ? Interval.format(value) : String.valueOf(value);
        }

        /** As written: {@code ntasks=1500}, {@code interval=100ms}. */
        @Override
        public String toString() {
            return setting.key() + "=" + valueText();
        }
    }

    /** The attribute's name, as in the configuration. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code attribute=value}.
     *
     * @throws IllegalArgumentException naming what is allowed, when the attribute or its value is not
     */
    public static Change parse(String assignment) {
        int eq = assignment == null ? -1 : assignment.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("set takes attribute=value (interval, ntasks or nslices), not \""
                    + assignment + "\"");
        }
        String key = assignment.substring(0, eq).trim();
        String text = assignment.substring(eq + 1).trim();
        for (Setting s : values()) {
            if (s.key().equals(key)) {
                return new Change(s, s.value(text));
            }
        }
        throw new IllegalArgumentException("\"" + key + "\" cannot be set (settable: interval, ntasks, nslices)");
    }

    private long value(String text) {
        if (this == INTERVAL) {
            return Interval.parseNanos(text, reason -> new IllegalArgumentException(reason + ", not \"" + text + "\""));
        }
        int min = this == NTASKS ? 0 : 1;
        long n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            n = Long.MIN_VALUE;
        }
        if (n < min) {
            throw new IllegalArgumentException(key() + " must be an integer >= " + min + ", not \"" + text + "\"");
        }
        return n;
    }
}
