package io.ptimer.agent.ptimer;

/**
 * The values a worker's start begins from: the configured ones, as operators last {@code set} them.
 * Immutable.
 *
 * @param intervalNanos the interval, in ns
 */
public record Settings(long intervalNanos, int ntasks, int nslices) {

    static Settings of(PtimerSpec spec) {
        return new Settings(spec.intervalNanos(), spec.ntasks(), spec.nslices());
    }

    /** These settings with one changed. */
    Settings with(Setting.Change change) {
        return switch (change.setting()) {
            case INTERVAL -> new Settings(change.value(), ntasks, nslices);
            case NTASKS -> new Settings(intervalNanos, (int) change.value(), nslices);
            case NSLICES -> new Settings(intervalNanos, ntasks, (int) change.value());
        };
    }
}
