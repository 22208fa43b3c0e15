package io.ptimer.agent.cluster;

/** Where a node hands the ledger's answers. */
public interface GrantReceiver {

    /** {@code tasks} granted to this JVM for {@code loop} in {@code step}. */
    void granted(String loop, long step, int tasks);
}
