package io.ptimer.samples.calls;

/** How many calls have been offered by a given time since the start of a run. */
@FunctionalInterface
public interface Traffic {

    /** Calls offered in all by {@code seconds} after the start; never decreasing. */
    long offeredBy(double seconds);

    /** {@code count} calls spread evenly over {@code during} seconds from {@code at}, again every {@code period} seconds. */
    static Traffic burst(double at, long count, double during, double period) {
        return t -> {
            long cycles = (long) Math.floor(t / period);
            double into = t - cycles * period - at;
            long now = into <= 0 ? 0 : into >= during ? count : (long) Math.floor(count * into / during);
            return cycles * count + now;
        };
    }

    /** A steady {@code perSecond} calls a second. */
    static Traffic steady(double perSecond) {
        return t -> (long) Math.floor(t * perSecond);
    }

    /** This traffic and {@code other} together. */
    default Traffic plus(Traffic other) {
        return t -> offeredBy(t) + other.offeredBy(t);
    }
}
