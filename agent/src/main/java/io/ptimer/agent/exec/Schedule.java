package io.ptimer.agent.exec;

/**
 * When a periodic job runs next. A fixed-delay schedule waits one interval after each run ends
 * (ptimer basic, rtimer); a grid schedule keeps {@code t0 + k·interval} and, after an overrun,
 * either runs at once and re-anchors the grid there instead of bursting to catch up (ptimer sync,
 * core timers), or skips the grid points already past and keeps its phase ({@link Overrun#SKIP}).
 * Confined to its lane's thread.
 */
public final class Schedule {
    private final boolean grid;
    private final boolean skip;
    private boolean armed;
    private long deadline;
    private long overruns;
    private long skipped;

    private Schedule(boolean grid, Overrun overrun) {
        this.grid = grid;
        this.skip = overrun == Overrun.SKIP;
    }

    /** A fixed grid {@code t0 + k·interval}, with {@code overrun}'s rule after a run that ends past the next point. */
    public static Schedule onGrid(Overrun overrun) {
        return new Schedule(true, overrun);
    }

    /** A fixed delay: the next run is due one interval after each run ends. */
    public static Schedule afterEachRun() {
        return new Schedule(false, Overrun.REANCHOR);
    }

    /** Whether a deadline is set; entering a loop arms it. */
    public boolean armed() {
        return armed;
    }

    /** Enters the loop at {@code now}: a grid starts here (first run at once); a fixed delay waits first. */
    public void arm(long now, long interval) {
        armed = true;
        deadline = grid ? now : now + interval;
    }

    /** Sets the next run to {@code at}; a grid restarts there. */
    public void jump(long at) {
        armed = true;
        deadline = at;
    }

    public void disarm() {
        armed = false;
    }

    /** The next run, on {@link System#nanoTime()}. */
    public long deadline() {
        return deadline;
    }

    /** Sets the next deadline after a run that ended at {@code now}. */
    public void advance(long now, long interval) {
        if (!grid) {
            deadline = now + interval;
            return;
        }
        deadline += interval;
        if (now > deadline) {
            overruns++;
            if (skip) {
                long missed = (now - deadline) / interval + 1;
                deadline += missed * interval;
                skipped += missed;
            } else {
                deadline = now;
            }
        }
    }

    /** After a pause: skips the grid points (or the fixed-delay deadline) that passed meanwhile, counting no overrun. */
    public void skipPaused(long now, long interval) {
        if (!armed || deadline >= now) {
            return;
        }
        if (grid) {
            long missed = (now - deadline + interval - 1) / interval;
            deadline += missed * interval;
        } else {
            deadline = now;
        }
    }

    /**
     * The interval changes from {@code oldInterval} to {@code newInterval}: the next run moves by the
     * difference, counted from the same grid point or run end, and to {@code now} at the earliest.
     */
    public void retime(long oldInterval, long newInterval, long now) {
        if (!armed) {
            return;
        }
        deadline += newInterval - oldInterval;
        if (deadline - now < 0) {
            deadline = now;
        }
    }

    /** Runs that ended past the next grid point. */
    public long overruns() {
        return overruns;
    }

    /** Grid points skipped after overruns, with {@link Overrun#SKIP}. */
    public long skipped() {
        return skipped;
    }
}
