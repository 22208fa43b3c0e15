package io.ptimer.agent.cluster;

/**
 * A timer's {@code ntasks} set for the whole cluster, and the first step it holds for. Immutable.
 *
 * @param ntasks the timer's {@code ntasks} in every JVM of the cluster
 * @param from   the first step it holds for; {@link Long#MIN_VALUE} when it holds for every step
 */
public record Contract(int ntasks, long from) {

    /** The {@code ntasks} a loop shares in {@code step}: this contract's from its first step, else {@code before}. */
    public int ntasksAt(long step, int before) {
        return step >= from ? ntasks : before;
    }
}
