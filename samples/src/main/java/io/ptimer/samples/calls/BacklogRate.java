package io.ptimer.samples.calls;

/**
 * The relay rate while a backlog existed. A backlog episode is a run of relays each of which left
 * calls waiting behind it; its rate is the least-squares slope of the relay count over time, which
 * a timer's steps of a few calls every interval do not bias. Episodes shorter than
 * {@code minSeconds} are too short to tell and are left out.
 */
public final class BacklogRate {
    private final double minSeconds;
    private double lowest = Double.NaN;
    private double seconds;
    private long relays;

    private long t0;
    private long n;
    private double sx;
    private double sy;
    private double sxx;
    private double sxy;
    private double span;

    public BacklogRate(double minSeconds) {
        this.minSeconds = minSeconds;
    }

    /** Adds one relay, in time order. */
    public void add(Relayed r) {
        if (!r.backlog()) {
            close();
            return;
        }
        if (n == 0) {
            t0 = r.nanos();
        }
        double x = (r.nanos() - t0) / 1e9;
        double y = n;
        n++;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        span = x;
    }

    /** Ends the episode in progress, if any (at the end of a run while the backlog lasts). */
    public void close() {
        if (n > 2 && span >= minSeconds) {
            double rate = (n * sxy - sx * sy) / (n * sxx - sx * sx);
            lowest = Double.isNaN(lowest) ? rate : Math.min(lowest, rate);
            seconds += span;
            relays += n;
        }
        n = 0;
        sx = sy = sxx = sxy = span = 0;
    }

    /** The lowest rate of any episode long enough to tell, in relays per second; NaN if there was none. */
    public double lowest() {
        return lowest;
    }

    /** How long the episodes that were measured lasted in all, in seconds. */
    public double seconds() {
        return seconds;
    }
}
