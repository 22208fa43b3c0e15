package io.ptimer.bench;

/**
 * The exec route of the rtimer lateness runs: stores when each run starts and ends in a
 * {@link FixedDelay}, which hands the result over after the last recorded run.
 */
public class RtimerTick {
    private static final FixedDelay RUNS = FixedDelay.fromProperties();

    public void run() {
        RUNS.tick();
    }
}
