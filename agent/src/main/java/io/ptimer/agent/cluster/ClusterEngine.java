package io.ptimer.agent.cluster;

import java.util.List;

/**
 * What the cluster jar provides, found by {@link java.util.ServiceLoader} in the jar's own class
 * loader. Implementations see only this package of the agent and the JDK.
 */
public interface ClusterEngine {

    /**
     * Starts this JVM's node and joins the cluster; returns without waiting for a leader.
     *
     * @param name    the cluster's name
     * @param bind    {@code HOST:PORT} this node listens on
     * @param members {@code HOST:PORT} of each voting member
     * @throws Exception when the node cannot start (the port is taken, the address is not local)
     */
    ClusterNode join(String name, String bind, List<String> members) throws Exception;
}
