package io.ptimer.agent.cluster;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The grants of one loop in this JVM, by step: written by the node as answers come, taken once
 * by the loop's worker in the grant's own step. A grant not taken in its step is never used.
 */
public final class LoopGrants implements GrantReceiver {
    /** Steps kept: far more than the steps asked ahead, so a slot is never reused while wanted. */
    private static final int SLOTS = 16;
    private final String name;
    private final AtomicReferenceArray<Grant> slots = new AtomicReferenceArray<>(SLOTS);
    private final AtomicLong tasksGranted = new AtomicLong();
    private final AtomicLong tasksAnsweredLate = new AtomicLong();
    private volatile long tasksSpent;
    private volatile long loopsGrantedNothing;
    private volatile long lastStep = -1;
    private volatile int lastTasks;
    private volatile Contract contract;

    LoopGrants(String name) {
        this.name = name;
    }

    /** One answer of the ledger. */
    private record Grant(long step, int tasks) {
    }

    /** The loop's name in the cluster: {@code timer/worker}. */
    public String name() {
        return name;
    }

    @Override
    public void granted(String loop, long step, int tasks) {
        slots.set(slot(step), new Grant(step, tasks));
        tasksGranted.addAndGet(tasks);
        if (step <= lastStep) {
            tasksAnsweredLate.addAndGet(tasks);
        }
    }

    @Override
    public void contracted(String loop, int ntasks, long from) {
        Contract c = contract;
        if (c == null || c.ntasks() != ntasks || c.from() != from) {
            contract = new Contract(ntasks, from);
        }
    }

    /** The newest {@code ntasks} set for the whole cluster, as the ledger last told it; {@code null} while none was. */
    public Contract contract() {
        return contract;
    }

    /**
     * The grant of {@code step}, once; 0 when none came (or it was taken). Called by the loop's
     * worker at the loop of that step.
     */
    public int take(long step) {
        int i = slot(step);
        Grant g = slots.get(i);
        int tasks = g != null && g.step == step && slots.compareAndSet(i, g, null) ? g.tasks : 0;
        spent(step, tasks);
        return tasks;
    }

    /** Records a loop of {@code step} that may spend nothing: the step spent already, or the loop late in it. */
    public void nothing(long step) {
        spent(step, 0);
    }

    /** Records a loop while this JVM refuses to send: it has no step. */
    public void refused() {
        lastTasks = 0;
        loopsGrantedNothing = loopsGrantedNothing + 1;
    }

    private void spent(long step, int tasks) {
        lastStep = step;
        lastTasks = tasks;
        if (tasks == 0) {
            loopsGrantedNothing = loopsGrantedNothing + 1;
        } else {
            tasksSpent = tasksSpent + tasks;
        }
    }

    /** Tasks the ledger granted this JVM for this loop, in all. */
    public long tasksGranted() {
        return tasksGranted.get();
    }

    /** Tasks granted after the loop of their step had run: lost. */
    public long tasksAnsweredLate() {
        return tasksAnsweredLate.get();
    }

    /** Tasks spent: granted and taken in their step. */
    public long tasksSpent() {
        return tasksSpent;
    }

    /** Loops that had nothing to spend. */
    public long loopsGrantedNothing() {
        return loopsGrantedNothing;
    }

    /** The step of the last loop, -1 before any. */
    long lastStep() {
        return lastStep;
    }

    /** The tasks of the last loop. */
    int lastTasks() {
        return lastTasks;
    }

    private static int slot(long step) {
        return (int) Math.floorMod(step, (long) SLOTS);
    }
}
