package io.ptimer.agent.jmx;

import io.ptimer.agent.cluster.Cluster;
import io.ptimer.agent.cluster.ClusterNode;
import io.ptimer.agent.cluster.LoopGrants;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ReflectionException;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.SimpleType;

/**
 * {@code io.ptimer:type=Cluster,name=<cluster>}: what {@code cluster.list} shows: the members, the
 * leader, this JVM's role, its grants, the loops granted nothing, the measured clock offset, and
 * why it sends nothing when it does not. Its one operation, {@code partition(boolean)}, injects a
 * network partition for tests; it exists only in a JVM started with fault injection on.
 */
final class ClusterMBean extends OpenMBean<ClusterMBean> {
    private static final OpenAttributes<ClusterMBean> ATTRIBUTES = build();
    private static final String DESCRIPTION = "cluster: one timer budget shared by several JVMs through a replicated"
            + " ledger of grants";

    private final Cluster cluster;
    private final MBeanInfo info;

    ClusterMBean(Cluster cluster) {
        this.cluster = cluster;
        MBeanOperationInfo[] operations = Cluster.faultInjection()
                ? new MBeanOperationInfo[] {Jmx.operation("partition", "Fault injection: true cuts this JVM off from"
                        + " the other members (every message in and out is dropped), false heals the cut",
                        new MBeanParameterInfo("cut", boolean.class.getName(), "true to cut, false to heal"))}
                : new MBeanOperationInfo[0];
        this.info = new MBeanInfo(getClass().getName(), DESCRIPTION, ATTRIBUTES.infos(), null, operations, null);
    }

    @Override
    OpenAttributes<ClusterMBean> attributes() {
        return ATTRIBUTES;
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) throws MBeanException, ReflectionException {
        if (!Cluster.faultInjection() || !action.equals("partition") || params == null || params.length != 1
                || !(params[0] instanceof Boolean)) {
            throw Jmx.noSuchOperation(action, params, Cluster.faultInjection() ? "partition(boolean)"
                    : "none (partition(boolean) needs -D" + ClusterNode.FAULT_INJECTION + "=true)");
        }
        try {
            return cluster.partition((Boolean) params[0]);
        } catch (IllegalStateException e) {
            throw new MBeanException(new IllegalArgumentException(e.getMessage()), e.getMessage());
        }
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }

    private static OpenAttributes<ClusterMBean> build() {
        ArrayType<String[]> strings;
        try {
            strings = new ArrayType<>(SimpleType.STRING, false);
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
        return new OpenAttributes<ClusterMBean>()
                .add("name", SimpleType.STRING, "Cluster name", m -> m.cluster.spec().name())
                .add("bind", SimpleType.STRING, "HOST:PORT this JVM's node listens on", m -> m.cluster.spec().bind())
                .add("voter", SimpleType.BOOLEAN, "Whether this JVM votes (its bind is among the members)",
                        m -> m.cluster.spec().voter())
                .add("voters", strings, "The voting members, as configured",
                        m -> m.cluster.spec().members().toArray(String[]::new))
                .add("members", strings, "The members this node sees now, voters and others",
                        m -> m.ofNode(n -> n.members().toArray(String[]::new), new String[0]))
                .add("leader", SimpleType.STRING, "The leader's address, or empty when none is in reach",
                        m -> m.ofNode(n -> n.leader() == null ? "" : n.leader(), ""))
                .add("role", SimpleType.STRING, "leader, follower, learner (no vote) or none (no leader known)",
                        m -> m.ofNode(ClusterNode::role, "none"))
                .add("sending", SimpleType.BOOLEAN, "Whether this JVM may spend its grants", m -> m.cluster.refusal() == null)
                .add("notSendingBecause", SimpleType.STRING, "Why this JVM sends nothing, or empty while it sends",
                        m -> m.cluster.refusal() == null ? "" : m.cluster.refusal())
                .add("clockOffsetUs", SimpleType.LONG, "The leader's clock minus this JVM's, in microseconds; 0 before measured",
                        m -> m.measured(ClusterNode::offsetNanos))
                .add("clockErrorUs", SimpleType.LONG, "How far clockOffsetUs may be off, in microseconds; -1 before measured",
                        m -> m.ofNode(n -> n.offsetErrorNanos() == ClusterNode.UNKNOWN ? -1
                                : n.offsetErrorNanos() / 1000, -1L))
                .add("maxClockOffsetUs", SimpleType.LONG, "The offset, error included, beyond which this JVM sends nothing",
                        m -> m.cluster.spec().clockBoundNanos() / 1000)
                .add("spendWindowUs", SimpleType.LONG, "How late in its step a loop may still spend its grant, in microseconds",
                        m -> m.cluster.spec().spendWindowNanos() / 1000)
                .add("tasksGranted", SimpleType.LONG, "Tasks the ledger granted this JVM, all loops together",
                        m -> m.sum(LoopGrants::tasksGranted))
                .add("tasksSpent", SimpleType.LONG, "Tasks spent in their own steps, all loops together",
                        m -> m.sum(LoopGrants::tasksSpent))
                .add("tasksAnsweredLate", SimpleType.LONG, "Tasks granted after their step's loop had run, all loops together",
                        m -> m.sum(LoopGrants::tasksAnsweredLate))
                .add("loopsGrantedNothing", SimpleType.LONG, "Loops that had nothing to spend, all loops together",
                        m -> m.sum(LoopGrants::loopsGrantedNothing))
                .add("log", SimpleType.STRING, "The replicated log: term, commit index, last appended",
                        m -> m.ofNode(ClusterNode::log, ""))
                .add("list", SimpleType.STRING, "All of it as cluster.list shows it", m -> m.cluster.list());
    }

    /** {@code figure} of the node, or {@code none} while there is none (not started yet, or closed meanwhile). */
    private <T> T ofNode(Function<ClusterNode, T> figure, T none) {
        ClusterNode n = cluster.node();
        return n == null ? none : figure.apply(n);
    }

    private long measured(ToLongFunction<ClusterNode> figure) {
        ClusterNode n = cluster.node();
        long v = n == null ? ClusterNode.UNKNOWN : figure.applyAsLong(n);
        return v == ClusterNode.UNKNOWN ? 0 : v / 1000;
    }

    private long sum(ToLongFunction<LoopGrants> figure) {
        long sum = 0;
        for (LoopGrants l : cluster.loops()) {
            sum += figure.applyAsLong(l);
        }
        return sum;
    }
}
