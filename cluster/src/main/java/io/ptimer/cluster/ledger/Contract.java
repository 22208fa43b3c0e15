package io.ptimer.cluster.ledger;

/**
 * A timer's {@code ntasks} set for the whole cluster, and the first step it holds for.
 *
 * @param ntasks the timer's {@code ntasks} in every JVM
 * @param from   the first step it holds for; {@link Long#MIN_VALUE} when it holds for every step
 */
public record Contract(int ntasks, long from) {
}
