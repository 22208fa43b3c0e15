package io.ptimer.agent;

/**
 * When a worker's next loop is due. Basic timers sleep one interval after each loop; sync timers
 * keep a fixed grid {@code t0 + k·interval} and, after an overrun, start at once and re-anchor the
 * grid there instead of bursting to catch up. Single-threaded.
 */
final class Schedule {
    private final boolean synced;
    private boolean armed;
    private long deadline;
    private long overruns;

    Schedule(boolean synced) {
        this.synced = synced;
    }

    /** Whether a deadline is set; a new loop phase arms it. */
    boolean armed() {
        return armed;
    }

    /** Enters the loop at {@code now}: a sync grid starts here (first loop at once); basic sleeps first. */
    void arm(long now, long interval) {
        armed = true;
        deadline = synced ? now : now + interval;
    }

    /** Jumps into the loop: the next loop runs at once, and a sync grid restarts at {@code now}. */
    void jump(long now) {
        armed = true;
        deadline = now;
    }

    void disarm() {
        armed = false;
    }

    long deadline() {
        return deadline;
    }

    /** Sets the next deadline after a loop that ended at {@code now}. */
    void advance(long now, long interval) {
        if (!synced) {
            deadline = now + interval;
            return;
        }
        deadline += interval;
        if (now > deadline) {
            overruns++;
            deadline = now;
        }
    }

    /** After a pause: skips the grid points (or the basic deadline) that passed meanwhile, counting no overrun. */
    void resume(long now, long interval) {
        if (!armed || deadline >= now) {
            return;
        }
        if (synced) {
            long missed = (now - deadline + interval - 1) / interval;
            deadline += missed * interval;
        } else {
            deadline = now;
        }
    }

    long overruns() {
        return overruns;
    }
}
