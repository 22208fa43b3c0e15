package io.ptimer.cluster.raft;

import io.ptimer.agent.cluster.ClusterEngine;
import io.ptimer.agent.cluster.ClusterNode;
import java.util.List;

/** The cluster jar's engine: a jgroups-raft node per JVM. */
public final class RaftEngine implements ClusterEngine {

    @Override
    public ClusterNode join(String name, String bind, List<String> members) throws Exception {
        return RaftNode.start(name, bind, members);
    }
}
