package io.ptimer.agent.config;

import java.util.concurrent.TimeUnit;

/**
 * Kamailio's interval syntax: a whole number with {@code s}, {@code ms} or {@code us}; a bare
 * number is seconds; rtimer's {@code u} is microseconds too.
 */
public final class Interval {
    private Interval() {
    }

    /**
     * Parses an interval to nanoseconds.
     *
     * @throws IllegalArgumentException with the reason, when the text is not a positive interval
     */
    public static long parseNanos(String text) {
        return parseNanos(text, Refusal.ARGUMENT);
    }

    /**
     * Parses an interval to nanoseconds.
     *
     * @throws X made by {@code refusal} with the reason, when the text is not a positive interval
     */
    public static <X extends Exception> long parseNanos(String text, Refusal<X> refusal) throws X {
        String s = text.trim();
        int digits = 0;
        while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
            digits++;
        }
        String number = s.substring(0, digits);
        String unit = s.substring(digits).trim();
        if (s.startsWith("-")) {
            throw refusal.error("interval must be > 0");
        }
        if (number.isEmpty()) {
            throw refusal.error("interval must be a whole number followed by s, ms or us");
        }
        TimeUnit timeUnit = switch (unit) {
            case "", "s" -> TimeUnit.SECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "us", "u" -> TimeUnit.MICROSECONDS;
            default -> throw refusal.error("unknown unit \"" + unit + "\" (use s, ms or us)");
        };
        long value;
        try {
            value = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw refusal.error("interval is too large");
        }
        if (value <= 0) {
            throw refusal.error("interval must be > 0");
        }
        long nanos = timeUnit.toNanos(value);
        if (nanos == Long.MAX_VALUE || nanos > TimeUnit.DAYS.toNanos(365)) {
            throw refusal.error("interval is too large (at most one year)");
        }
        return nanos;
    }

    /** Formats nanoseconds in the largest of s, ms, us that shows them exactly, else ns. */
    public static String format(long nanos) {
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        if (nanos % 1_000L == 0) {
            return nanos / 1_000L + "us";
        }
        return nanos + "ns";
    }
}
