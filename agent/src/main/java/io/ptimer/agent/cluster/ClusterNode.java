package io.ptimer.agent.cluster;

import java.util.List;

/** This JVM's node in a cluster: asks the ledger for grants and tells what it knows of the cluster. Thread-safe. */
public interface ClusterNode extends AutoCloseable {
    /** What {@link #offsetNanos()} and {@link #offsetErrorNanos()} return before any measurement. */
    long UNKNOWN = Long.MIN_VALUE;
    /**
     * The JVM option that enables fault injection ({@link #partition}), read once when the node
     * starts: {@code -Dptimer.cluster.faultInjection=true}. Off by default.
     */
    String FAULT_INJECTION = "ptimer.cluster.faultInjection";

    /**
     * Asks, without waiting, for this JVM's grant of {@code loop} in {@code step}; the answer, if
     * one comes, goes to {@code receiver} on a thread of the node's.
     *
     * @param budget what one JVM alone would send in that step
     * @param wants  the loop's backlog, or -1 when its route never told it
     * @param ntasks the timer's {@code ntasks} the budget is a share of
     */
    void ask(String loop, long step, int budget, int wants, int ntasks, GrantReceiver receiver);

    /**
     * Sets {@code timer}'s {@code ntasks} for every JVM of the cluster, from a step none of them has
     * asked for yet; waits until a majority has committed it.
     *
     * @return the first step it holds for
     * @throws Exception when it was not committed in time: no leader, no majority
     */
    default long contract(String timer, int ntasks) throws Exception {
        throw new UnsupportedOperationException("this cluster node cannot set a contract");
    }

    /** The leader's clock minus this JVM's, in ns, as last measured; {@link #UNKNOWN} before. */
    long offsetNanos();

    /** How far {@link #offsetNanos()} may be off (half the probe's round trip); {@link #UNKNOWN} before. */
    long offsetErrorNanos();

    /**
     * The leader's address, or {@code null} when this node knows of none: no majority in reach, or
     * an election under way.
     */
    String leader();

    /**
     * Whether the members this node sees hold a majority of the voters. With it and no {@link
     * #leader()}, an election is under way; without it, no request of this JVM can be committed.
     */
    default boolean majority() {
        return false;
    }

    /** The members this node sees, voters and others. */
    List<String> members();

    /** {@code leader}, {@code follower}, {@code learner} (no vote) or {@code none} (no leader known). */
    String role();

    /** The state of this node's replicated log, in words (term, commit index, last appended). */
    String log();

    /**
     * Fault injection: cuts this node off from every other (each message in and out is dropped,
     * as a network partition would) or heals the cut.
     *
     * @throws IllegalStateException when the node started without {@link #FAULT_INJECTION}, or has
     *                               no fault injection at all
     */
    default void partition(boolean cut) {
        throw new IllegalStateException("this cluster node has no fault injection");
    }

    /** Leaves the cluster and stops the node's threads; closes its ports. */
    @Override
    void close();
}
