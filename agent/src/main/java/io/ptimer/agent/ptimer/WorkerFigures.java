package io.ptimer.agent.ptimer;

import io.ptimer.agent.config.Interval;
import io.ptimer.agent.exec.Lateness;

/**
 * What operators see of one worker at one moment: the columns of {@code ptimer.list} plus
 * counters and recent lateness. Figures are read one by one, not as a consistent snapshot.
 *
 * @param phase    the route the worker is in (start, loop, end) or none after its end route
 * @param state    start, loop, end (running that route), sleeping, paused, ended or stopped
 * @param interval the worker's interval, as its start route or an operator's {@code set} left it
 * @param lateLoops loops since start that began later than the late threshold
 * @param latenessSecondsSum every loop's lateness since start, added up, in seconds
 * @param lastLoopStart when the last loop began, epoch ms, or 0 before the first
 * @param nextDue when the next loop is due, epoch ms, or 0 when none is
 */
public record WorkerFigures(int worker, long pid, String interval, int ntasks, int tasks, int nslices, int slice,
        boolean paused, String phase, String state, long runningForUs, long iterations, long errors, long overruns,
        long skipped,
        long latenessP50Us, long latenessP99Us, long latenessMaxUs, String lastError, long lateLoops,
        double latenessSecondsSum, long lastLoopStart, long nextDue) {

    /** The figures of {@code w} now. */
    public static WorkerFigures of(Worker w) {
        WorkerContext c = w.context();
        long[] late = w.lateness().sorted();
        return new WorkerFigures(w.index(), c.pid(), Interval.format(c.intervalNanos()), c.ntasks(), c.tasks(),
                c.nslices(), c.slice(), w.paused(), w.phase(), w.state(), w.runner().runningForNanos() / 1000,
                w.iterations(), w.errors(), w.overruns(), w.skipped(),
                Lateness.percentile(late, 50) / 1000, Lateness.percentile(late, 99) / 1000,
                late.length == 0 ? 0 : late[late.length - 1] / 1000,
                w.runner().lastError() == null ? "" : w.runner().lastError(), w.lateLoops(),
                w.histogram().sumNanos() / 1e9, epochMillis(w.lastLoopNanos()), epochMillis(w.nextDueNanos()));
    }

    /** A {@link System#nanoTime()} as epoch ms; 0 stays 0. */
    private static long epochMillis(long nanoTime) {
        return nanoTime == 0 ? 0 : System.currentTimeMillis() + (nanoTime - System.nanoTime()) / 1_000_000;
    }
}
