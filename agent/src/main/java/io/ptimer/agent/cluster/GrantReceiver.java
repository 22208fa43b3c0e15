package io.ptimer.agent.cluster;

/** Where a node hands the ledger's answers. */
public interface GrantReceiver {

    /** {@code tasks} granted to this JVM for {@code loop} in {@code step}. */
    void granted(String loop, long step, int tasks);

    /**
     * The {@code ntasks} of {@code loop}'s timer set for the whole cluster, from step {@code from} on;
     * told before each grant once one was set.
     */
    default void contracted(String loop, int ntasks, long from) {
    }
}
