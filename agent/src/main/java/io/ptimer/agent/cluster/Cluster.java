package io.ptimer.agent.cluster;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.jfr.Flight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;

/**
 * One loaded cluster: this JVM's node, the corrected clock its loops count steps by, and the
 * grants of each loop. The JVM refuses to send (its loops spend nothing) while it knows no
 * leader, has not measured its clock offset, or measured one beyond its {@link ClusterSpec#clockBoundNanos()}.
 * Thread-safe.
 */
public final class Cluster {
    /** How many steps ahead a loop asks for its grants. */
    public static final int AHEAD = 2;
    /** What {@link #now()} returns while the JVM refuses to send. */
    public static final long REFUSE = Long.MIN_VALUE;
    /** The longest wait between two attempts to start the node. */
    static final int RETRY_MAX_SECONDS = 30;

    private static final System.Logger LOG = System.getLogger("io.ptimer");
    private final ClusterSpec spec;
    private final ClusterEngine engine;
    private final Map<String, LoopGrants> loops = new ConcurrentSkipListMap<>();
    private final Map<String, Boolean> failedAsks = new ConcurrentHashMap<>();
    private volatile ClusterNode node;
    private volatile boolean closed;
    private volatile String refusal = "not started";
    private volatile String refusalKind = "not started";

    private Cluster(ClusterSpec spec, ClusterEngine engine) {
        this.spec = spec;
        this.engine = engine;
    }

    /**
     * Loads the cluster jar in its own class loader; opens no port yet.
     *
     * @throws ConfigException naming the entry when the jar is missing or not a cluster jar
     */
    public static Cluster load(ClusterSpec spec) throws ConfigException {
        return new Cluster(spec, ClusterLoader.engine(spec));
    }

    /** A cluster on {@code engine}, already at hand: no jar is loaded. */
    public static Cluster of(ClusterSpec spec, ClusterEngine engine) {
        return new Cluster(spec, engine);
    }

    public ClusterSpec spec() {
        return spec;
    }

    /**
     * Starts this JVM's node on a daemon thread of its own, so the host's start never waits for
     * the others. A node that cannot start leaves the JVM refusing to send, says why, and tries
     * again after 1, 2, 4 ... at most {@value #RETRY_MAX_SECONDS} seconds until it joins or the
     * cluster is closed.
     */
    public void start() {
        Thread joiner = new Thread(this::join, "ptimer-cluster-join");
        joiner.setDaemon(true);
        joiner.start();
    }

    private void join() {
        long delay = 1;
        for (int attempt = 1; !closed; attempt++) {
            try {
                ClusterNode joined = engine.join(spec.name(), spec.bind(), spec.members());
                synchronized (this) {
                    if (closed) {
                        joined.close();
                        return;
                    }
                    node = joined;
                }
                LOG.log(System.Logger.Level.INFO, "ptimer: cluster \"" + spec.name() + "\" node on " + spec.bind()
                        + (spec.voter() ? " (voter)" : " (no vote)") + ", members " + String.join(",", spec.members())
                        + (attempt > 1 ? ", joined on attempt " + attempt : ""));
                return;
            } catch (Exception | LinkageError e) {
                refuse("start " + e.getClass().getName(), "the node did not start (attempt " + attempt
                        + ", next in " + delay + " s): " + e);
            }
            try {
                Thread.sleep(delay * 1000);
            } catch (InterruptedException e) {
                return;
            }
            delay = Math.min(delay * 2, RETRY_MAX_SECONDS);
        }
    }

    /** Leaves the cluster; the loops spend nothing from then on. */
    public void close() {
        ClusterNode n;
        synchronized (this) {
            closed = true;
            n = node;
            node = null;
        }
        refuse("closed", "closed");
        if (n != null) {
            n.close();
        }
    }

    /** The grants of loop {@code name} ({@code timer/worker}), made on first use. */
    public LoopGrants loop(String name) {
        return loops.computeIfAbsent(name, LoopGrants::new);
    }

    /**
     * The leader's wall-clock time as this JVM estimates it, in ns since the epoch; {@link #REFUSE}
     * while this JVM may not send.
     */
    public long now() {
        ClusterNode n = node;
        if (n == null) {
            return REFUSE;
        }
        if (n.leader() == null) {
            return refuse(n.majority() ? "election" : "no leader", noLeader(n));
        }
        long offset = n.offsetNanos();
        long error = n.offsetErrorNanos();
        if (offset == ClusterNode.UNKNOWN || error == ClusterNode.UNKNOWN) {
            return refuse("not measured", "clock offset to the leader not measured yet");
        }
        if (Math.abs(offset) + error > spec.clockBoundNanos()) {
            return refuse("offset", String.format(Locale.ROOT, "clock offset to the leader %+.3f ms (within %.3f ms) is beyond"
                    + " the bound of %.3f ms", offset / 1e6, error / 1e6, spec.clockBoundNanos() / 1e6));
        }
        if (refusal != null) {
            LOG.log(System.Logger.Level.INFO, "ptimer: cluster \"" + spec.name() + "\" sends again");
            refusal = null;
            refusalKind = null;
            Flight.clusterSending(spec.name(), true, "");
        }
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano() + offset;
    }

    private static String noLeader(ClusterNode n) {
        return n.majority() ? "no leader yet: the members are electing one"
                : "no leader in reach: cut off from a majority of the members";
    }

    /**
     * Asks, without waiting, for this JVM's grant of {@code loop} in {@code step}: {@code budget},
     * the step's share of {@code ntasks}, or what the ledger shares of it.
     */
    public void ask(LoopGrants loop, long step, int budget, int wants, int ntasks) {
        ClusterNode n = node;
        if (n == null) {
            return;
        }
        try {
            n.ask(loop.name(), step, budget, wants, ntasks, loop);
        } catch (RuntimeException e) {
            if (failedAsks.putIfAbsent(loop.name(), Boolean.TRUE) == null) {
                LOG.log(System.Logger.Level.WARNING, "ptimer: cluster \"" + spec.name() + "\": asking for "
                        + loop.name() + " failed: " + e);
            }
        }
    }

    /**
     * Sets {@code timer}'s {@code ntasks} for every JVM of the cluster, from a step none of them has
     * asked for yet; waits until a majority has committed it.
     *
     * @return the first step it holds for
     * @throws IllegalStateException saying why, when it was not committed: then it is not in force,
     *                               or, when no answer came in time, may still come into force
     */
    public long contract(String timer, int ntasks) {
        ClusterNode n = node;
        if (n == null) {
            throw new IllegalStateException("its node is not running; nothing changed");
        }
        if (n.leader() == null) {
            throw new IllegalStateException(noLeader(n) + "; nothing changed");
        }
        try {
            return n.contract(timer, ntasks);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no majority committed it in time; it may still come into force (see list)");
        } catch (Exception e) {
            throw new IllegalStateException("not committed (" + e + "); nothing changed");
        }
    }

    /**
     * Fault injection, for tests of a partition: cuts this JVM's node off from the others, or
     * heals the cut. Only in a JVM started with {@code -D}{@value ClusterNode#FAULT_INJECTION}{@code =true}.
     *
     * @return what was done, in words
     * @throws IllegalStateException when fault injection is off or the node is not running
     */
    public String partition(boolean cut) {
        if (!faultInjection()) {
            throw new IllegalStateException("fault injection is off: start the JVM with -D"
                    + ClusterNode.FAULT_INJECTION + "=true to use partition");
        }
        ClusterNode n = node;
        if (n == null) {
            throw new IllegalStateException("cluster \"" + spec.name() + "\": the node is not running");
        }
        n.partition(cut);
        String done = cut ? "cut off from the other members (fault injection)" : "partition healed (fault injection)";
        LOG.log(System.Logger.Level.WARNING, "ptimer: cluster \"" + spec.name() + "\": " + done);
        return done;
    }

    /** Whether this JVM was started with fault injection on. */
    public static boolean faultInjection() {
        return Boolean.getBoolean(ClusterNode.FAULT_INJECTION);
    }

    /** Why this JVM refuses to send, or {@code null} while it sends. */
    public String refusal() {
        return refusal;
    }

    /** Refuses to send; logs once when the kind of reason changes, not each time its figures do. */
    private long refuse(String kind, String why) {
        refusal = why;
        if (!kind.equals(refusalKind)) {
            refusalKind = kind;
            LOG.log(System.Logger.Level.WARNING, "ptimer: cluster \"" + spec.name() + "\" sends nothing: " + why);
            Flight.clusterSending(spec.name(), false, why);
        }
        return REFUSE;
    }

    /** The node, or {@code null} before it started. */
    public ClusterNode node() {
        return node;
    }

    /** The loops of this JVM in the cluster, by name. */
    public List<LoopGrants> loops() {
        return new ArrayList<>(loops.values());
    }

    /** The text of {@code cluster.list}. */
    public String list() {
        ClusterNode n = node;
        StringBuilder b = new StringBuilder();
        b.append("cluster ").append(spec.name()).append(": bind ").append(spec.bind())
                .append(spec.voter() ? " (voter)" : " (no vote)").append(", voters ")
                .append(String.join(",", spec.members())).append('\n');
        if (n == null) {
            b.append("  node: not running\n");
        } else {
            long offset = n.offsetNanos();
            long error = n.offsetErrorNanos();
            b.append("  role ").append(n.role()).append(", leader ").append(n.leader() == null ? "none" : n.leader())
                    .append(", members seen ").append(String.join(",", n.members())).append('\n');
            b.append("  log: ").append(n.log()).append('\n');
            b.append("  clock offset to the leader ").append(offset == ClusterNode.UNKNOWN || error == ClusterNode.UNKNOWN
                    ? "not measured" : String.format(Locale.ROOT, "%+.3f ms (within %.3f ms)", offset / 1e6, error / 1e6))
                    .append(String.format(Locale.ROOT, ", bound %.3f ms%n", spec.clockBoundNanos() / 1e6));
        }
        String why = refusal;
        b.append("  sending: ").append(why == null ? "yes" : "no, " + why).append('\n');
        for (LoopGrants l : loops.values()) {
            b.append(String.format(Locale.ROOT, "  loop %s: granted %d, spent %d, answered late %d, loops granted"
                    + " nothing %d, last step %d tasks %d", l.name(), l.tasksGranted(), l.tasksSpent(),
                    l.tasksAnsweredLate(), l.loopsGrantedNothing(),
                    l.lastStep(), l.lastTasks()));
            Contract c = l.contract();
            if (c != null) {
                b.append(", ntasks=").append(c.ntasks()).append(" set in the cluster")
                        .append(c.from() == Long.MIN_VALUE ? "" : " from step " + c.from());
            }
            b.append('\n');
        }
        return b.toString();
    }
}
