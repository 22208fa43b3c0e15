package io.ptimer.samples.sip;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * This proxy's place in its cluster, as the agent's {@code io.ptimer:type=Cluster} MBean tells it,
 * in one line: {@code cluster carrier: role follower, leader 127.0.0.1:7801, sending yes}; empty
 * outside cluster mode.
 */
final class ClusterLine {
    private ClusterLine() {
    }

    /** This JVM's grants as {@code key=value} words, {@code cluster_granted=... cluster_spent=...}; empty outside cluster mode. */
    static String figures() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        StringBuilder b = new StringBuilder();
        try {
            for (ObjectName name : server.queryNames(new ObjectName("io.ptimer:type=Cluster,*"), null)) {
                b.append(" cluster_granted=").append(server.getAttribute(name, "tasksGranted"))
                        .append(" cluster_spent=").append(server.getAttribute(name, "tasksSpent"))
                        .append(" cluster_answered_late=").append(server.getAttribute(name, "tasksAnsweredLate"))
                        .append(" cluster_loops_granted_nothing=").append(server.getAttribute(name, "loopsGrantedNothing"));
            }
        } catch (JMException | RuntimeException e) {
            return " cluster_figures=unreadable";
        }
        return b.toString();
    }

    static String now() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        StringBuilder b = new StringBuilder();
        try {
            for (ObjectName name : server.queryNames(new ObjectName("io.ptimer:type=Cluster,*"), null)) {
                String leader = (String) server.getAttribute(name, "leader");
                String why = (String) server.getAttribute(name, "notSendingBecause");
                b.append("cluster ").append(name.getKeyProperty("name")).append(": role ")
                        .append(server.getAttribute(name, "role")).append(", leader ")
                        .append(leader.isEmpty() ? "none" : leader).append(", sending ")
                        .append(why.isEmpty() ? "yes" : "no (" + why + ")");
            }
        } catch (JMException | RuntimeException e) {
            return "cluster: its MBean cannot be read: " + e;
        }
        return b.toString();
    }
}
