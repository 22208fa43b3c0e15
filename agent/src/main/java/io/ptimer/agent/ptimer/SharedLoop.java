package io.ptimer.agent.ptimer;

import io.ptimer.agent.cluster.Cluster;
import io.ptimer.agent.cluster.Contract;
import io.ptimer.agent.cluster.LoopGrants;

/**
 * One worker's loop under cluster mode. Its steps are numbered by the cluster's clock; each loop
 * asks {@link Cluster#AHEAD} steps ahead and spends only its own step's grant, within the step's
 * spend window, which is also the loop's {@link WorkerContext#deadline()}; its grid is put back on
 * the step boundaries after every loop. A timer's {@code ntasks} set for the whole cluster is the
 * share asked for from the step it holds for, and is put in force on the timer when its step comes.
 * Confined to the worker's thread.
 */
final class SharedLoop {
    /**
     * How far into its step a loop is due: the wall clock and {@code nanoTime} are read a moment
     * apart, and a loop due exactly on the boundary could wake at the end of the step before.
     */
    static final long INTO_STEP_NANOS = 100_000;
    private final Ptimer timer;
    private final Cluster cluster;
    private final LoopGrants grants;
    private final long spendWindow;
    private long asked = Long.MIN_VALUE;
    private long spent = Long.MIN_VALUE;
    private int sliceBase;
    private long nextDeadline;
    /** The clock as {@link #due} read it: the cluster's, and {@code nanoTime} beside it. */
    private long readNow;
    private long readNano;

    SharedLoop(Ptimer timer, int worker) {
        this.timer = timer;
        this.cluster = timer.cluster();
        this.grants = cluster.loop(timer.name() + "/" + worker);
        this.spendWindow = cluster.spec().spendWindowNanos();
    }

    /** When the first loop runs (nanoTime): the next step boundary, or one interval on while the JVM may not send. */
    long firstDeadline(long interval) {
        return boundaryAfter(cluster.now(), System.nanoTime(), interval);
    }

    /** When the loop after this one runs (nanoTime): the next step boundary as {@link #spend} saw the time. */
    long nextDeadline() {
        return nextDeadline;
    }

    /**
     * Reads the cluster's clock for the loop about to run, and says whether it runs: not when it
     * woke while that clock still says the step already spent (the wall clock stepped back since its
     * deadline was set: a virtual machine's does, by some hundred µs). Then {@link #nextDeadline} is
     * its step's start. Otherwise {@link #spend} follows, on the same reading.
     */
    boolean due(long interval) {
        readNano = System.nanoTime();
        readNow = cluster.now();
        if (readNow == Cluster.REFUSE || Math.floorDiv(readNow, interval) != spent) {
            return true;
        }
        nextDeadline = boundaryAfter(readNow, readNano, interval);
        return false;
    }

    /**
     * Sets the loop's slice and tasks, once {@link #due} said it runs: the slice of the step it runs
     * in and this JVM's grant for it, or 0 when the loop runs too late in it or the JVM may not send,
     * and its deadline, the end of the step's spend window. Asks for the steps ahead not asked yet.
     */
    void spend(WorkerContext ctx, long interval, boolean first) {
        if (first) {
            sliceBase = ctx.slice();
        }
        long now = readNow;
        nextDeadline = boundaryAfter(now, readNano, interval);
        if (now == Cluster.REFUSE) {
            grants.refused();
            ctx.shared(ctx.slice(), 0);
            ctx.deadline(readNano);
            return;
        }
        long step = Math.floorDiv(now, interval);
        ctx.deadline(readNano + step * interval + spendWindow - now);
        int ntasks = ctx.ntasks();
        Contract contract = grants.contract();
        if (contract != null && step >= contract.from() && contract.ntasks() != ntasks) {
            ntasks = contract.ntasks();
            Setting.Change change = new Setting.Change(Setting.NTASKS, ntasks);
            ctx.apply(change);
            timer.contracted(change, contract.from());
        }
        int nslices = ctx.nslices();
        int wants = ctx.backlogTold();
        for (long s = Math.max(asked + 1, step + 1); s <= step + Cluster.AHEAD; s++) {
            int shared = contract == null ? ntasks : contract.ntasksAt(s, ntasks);
            cluster.ask(grants, s, Slices.share(slice(s, nslices), shared, nslices), wants, shared);
        }
        asked = Math.max(asked, step + Cluster.AHEAD);
        int tasks = 0;
        if (now - step * interval >= spendWindow) {
            grants.nothing(step);
        } else {
            tasks = grants.take(step);
        }
        spent = step;
        ctx.shared(slice(step, nslices), tasks);
    }

    private int slice(long step, int nslices) {
        return (int) Math.floorMod(step + sliceBase, (long) nslices);
    }

    private static long boundaryAfter(long now, long nano, long interval) {
        if (now == Cluster.REFUSE) {
            return nano + interval;
        }
        return nano + (Math.floorDiv(now, interval) + 1) * interval - now + INTO_STEP_NANOS;
    }
}
