package io.ptimer.agent.exec;

/**
 * Where a grid that would start now starts: now, or a little later on a {@link SharedLane} that
 * spaces the grids of its jobs apart, so that timers started together do not all fall due within
 * the time the lane needs to run them.
 */
public interface GridAnchor {
    /**
     * When a grid asked to start at {@code now} starts, {@code now} at the earliest; called on the
     * thread that runs the job's step.
     *
     * @param intervalNanos the grid's interval
     */
    long anchor(long now, long intervalNanos);
}
