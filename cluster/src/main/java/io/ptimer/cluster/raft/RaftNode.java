package io.ptimer.cluster.raft;

import io.ptimer.agent.cluster.ClusterNode;
import io.ptimer.agent.cluster.GrantReceiver;
import io.ptimer.cluster.ledger.Ask;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.protocols.DISCARD;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.protocols.raft.ELECTION2;
import org.jgroups.protocols.raft.InMemoryLog;
import org.jgroups.protocols.raft.NO_DUPES;
import org.jgroups.protocols.raft.RAFT;
import org.jgroups.protocols.raft.REDIRECT;
import org.jgroups.protocols.raft.election.BaseElection;
import org.jgroups.raft.RaftHandle;
import org.jgroups.stack.Protocol;
import org.jgroups.util.DefaultThreadFactory;
import org.jgroups.util.Runner;

/**
 * This JVM's node: a JGroups channel over TCP on {@code bind}, finding the others through the
 * voting members' addresses, with Raft on top. Its Raft id is its {@code bind}; a JVM whose
 * {@code bind} is not a voting member takes part as a learner. The log is kept in memory: the
 * ledger is worthless a few seconds later. With fault injection on, JGroups' {@code DISCARD} sits
 * just above the transport, passing everything until {@link #partition} cuts the node off.
 */
final class RaftNode implements ClusterNode, Receiver {
    /** How often the clock offset to the leader is measured. */
    private static final long PROBE_MILLIS = 100;
    /**
     * A new leader is probed this many times, {@value #BURST_MILLIS} ms apart, before the probes
     * every {@value #PROBE_MILLIS} ms: on a busy machine most round trips are long, and the JVM sends
     * only once one is short enough.
     */
    private static final int BURST = 8;
    private static final long BURST_MILLIS = 15;
    private static final long RESEND_MILLIS = 40;
    /**
     * A leader that is back after a moment without one (a merge of views) keeps the offset measured
     * against it if the last answer is younger than this: two clocks drift apart by microseconds in
     * that time. Measuring again would keep the JVM from sending for the burst's length.
     */
    private static final long MEASURED_KEPT_NANOS = TimeUnit.SECONDS.toNanos(2);
    /**
     * How often the reliable layers ask for what is missing. A message lost in a partition holds
     * back every later one from its sender until it is sent again, so after a heal the merge's
     * own messages wait for this; JGroups' defaults (0.5 s and 1 s) made a merge take a second
     * or two. It also paces the delayed acknowledgements, a few small messages a second here.
     */
    private static final long XMIT_MILLIS = 50;
    /**
     * MERGE3's timing: each member tells the others its view every 100 to 300 ms (a random
     * {@code max/2 + [0, max)}, at least {@code min}), and a coordinator looks for differing views
     * every {@value #MERGE_CHECK_MILLIS} ms (a check is cheap, telling is not: each round asks
     * every member for its address), so a healed partition merges within half a second. JGroups'
     * defaults (every 5 to 15 s, checked every 16 s) would keep a healed JVM's share from it for
     * many cycles.
     */
    private static final long MERGE_MIN_MILLIS = 100;
    private static final long MERGE_MAX_MILLIS = 200;
    private static final long MERGE_CHECK_MILLIS = 250;
    /**
     * How long a join waits for the coordinator's answer. A join answered after this is counted
     * by the coordinator but lost here, and its retry is then refused as a duplicate: on a loaded
     * machine a second was not enough.
     */
    private static final long JOIN_MILLIS = 5000;
    /** How long an operator's contract waits for its commit. */
    private static final long CONTRACT_SECONDS = 5;
    private static final int DISCOVERY_RUNS = 10;
    private static final System.Logger LOG = System.getLogger("io.ptimer");

    private final String bind;
    private final JChannel channel;
    private final RaftHandle raft;
    private final ClockProbe clock = new ClockProbe();
    private final ScheduledExecutorService prober;
    private final List<String> voters;
    private volatile List<String> members = List.of();
    /** Whether the view holds a majority of the voters: without it Raft may still name a leader that can commit nothing. */
    private volatile boolean majority;
    private volatile Address leader;
    /** The leader the clock was last measured against; guarded by this. */
    private Address measured;
    private final Set<String> failures = ConcurrentHashMap.newKeySet();
    /** The fault injector just above the transport, or {@code null}: only with {@link ClusterNode#FAULT_INJECTION}. */
    private final DISCARD faults;

    private RaftNode(String bind, List<String> voters, JChannel channel, DISCARD faults) {
        this.bind = bind;
        this.faults = faults;
        this.voters = List.copyOf(voters);
        this.channel = channel;
        this.raft = new RaftHandle(channel, new LedgerMachine());
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ptimer-cluster-clock");
            t.setDaemon(true);
            return t;
        });
    }

    static RaftNode start(String name, String bind, List<String> voters) throws Exception {
        InetSocketAddress self = address(bind);
        List<InetSocketAddress> initial = new ArrayList<>();
        for (String v : voters) {
            initial.add(address(v));
        }
        if (!initial.contains(self)) {
            initial.add(self);
        }
        TCP tcp = new TCP();
        tcp.setBindAddress(self.getAddress());
        tcp.setBindPort(self.getPort());
        tcp.setPortRange(0);
        tcp.setThreadFactory(new DefaultThreadFactory("ptimer-cluster", true));
        // A process that dies has its connections closed by its kernel: suspecting the peer then, verified
        // like a missed heartbeat, replaces a killed leader in under a second instead of after the
        // heartbeats' 2.5 s. The heartbeats remain for a machine or a network that goes silent.
        tcp.enableSuspectEvents(true);
        TCPPING ping = new TCPPING();
        ping.initialHosts(initial);
        ping.portRange(0);
        // A JVM that comes back on its address races the others' merge probes to it: both sides
        // connect at once, TCP keeps one connection, and a discovery request sent on the other is
        // lost. Asking again every 0.5 s of the join's wait finds the coordinator in about that
        // time; asking once waited the whole 5 s, and without any answer from a coordinator made
        // the JVM a cluster of its own until a merge.
        ping.setValue("num_discovery_runs", DISCOVERY_RUNS);
        FD_ALL3 fd = new FD_ALL3();
        fd.setInterval(500);
        fd.setTimeout(2500);
        VERIFY_SUSPECT2 verify = new VERIFY_SUSPECT2();
        verify.setTimeout(500);
        MERGE3 merge = new MERGE3();
        merge.setMinInterval(MERGE_MIN_MILLIS);
        merge.setMaxInterval(MERGE_MAX_MILLIS);
        merge.setCheckInterval(MERGE_CHECK_MILLIS);
        GMS gms = new GMS();
        gms.setJoinTimeout(JOIN_MILLIS);
        gms.setMembershipChangePolicy(new LargestSideFirst());
        ELECTION2 election = new SteadyElection();
        RAFT raftProtocol = new RAFT();
        // RAFT brings a lagging member up to date only when its queue has been idle for resend_interval:
        // the asks come in a burst after each step's loops, so the default second never passes idle and
        // a JVM that joins late would never catch up. 40 ms passes idle between two steps.
        raftProtocol.resendInterval(RESEND_MILLIS);
        raftProtocol.members(voters).raftId(bind).logClass(InMemoryLog.class.getName())
                .logPrefix("ptimer-" + name + "-" + bind.replace(':', '-'));
        List<Protocol> stack = new ArrayList<>(List.of(tcp, ping, merge, fd, verify,
                new NAKACK2().setXmitInterval(XMIT_MILLIS), new UNICAST3().setXmitInterval(XMIT_MILLIS),
                new STABLE(), new NO_DUPES(), gms, new FRAG4(), election, raftProtocol, new REDIRECT()));
        DISCARD faults = null;
        if (Boolean.getBoolean(FAULT_INJECTION)) {
            faults = new DISCARD();
            stack.add(1, faults);
        }
        JChannel channel = new JChannel(stack).name(bind);
        daemon(RAFT.class, "runner", raftProtocol);
        daemon(BaseElection.class, "voting_thread", election);
        RaftNode node = new RaftNode(bind, voters, channel, faults);
        channel.setReceiver(node);
        node.raft.addRoleListener(role -> node.roleChanged());
        try {
            channel.connect("ptimer-cluster-" + name);
        } catch (Exception e) {
            channel.close();
            throw e;
        }
        node.prober.scheduleWithFixedDelay(node::probe, 0, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        return node;
    }

    /**
     * RAFT's log-applying thread and ELECTION's voting thread start as user threads, which would
     * keep the host's JVM alive after its main ends; they are made daemons like every other
     * thread of the node.
     */
    private static void daemon(Class<?> owner, String runner, Object protocol) throws ReflectiveOperationException {
        Field field = owner.getDeclaredField(runner);
        field.setAccessible(true);
        ((Runner) field.get(protocol)).daemon(true);
    }

    private static InetSocketAddress address(String hostPort) throws Exception {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(InetAddress.getByName(hostPort.substring(0, colon)),
                Integer.parseInt(hostPort.substring(colon + 1)));
    }

    @Override
    public void ask(String loop, long step, int budget, int wants, int ntasks, GrantReceiver receiver) {
        if (leader() == null) {
            return;
        }
        byte[] command = Commands.ask(new Ask(bind, loop, step, budget, wants, ntasks));
        CompletableFuture<byte[]> answer;
        try {
            answer = raft.setAsync(command, 0, command.length, null);
        } catch (Exception e) {
            failed(e);
            return;
        }
        answer.whenComplete((bytes, failure) -> {
            if (failure == null) {
                Commands.Answer a = Commands.answer(bytes);
                if (a.contract() != null) {
                    receiver.contracted(loop, a.contract().ntasks(), a.contract().from());
                }
                receiver.granted(loop, step, a.tasks());
            } else {
                failed(failure);
            }
        });
    }

    @Override
    public long contract(String timer, int ntasks) throws Exception {
        byte[] command = Commands.contract(timer, ntasks);
        return Commands.from(raft.set(command, 0, command.length, CONTRACT_SECONDS, TimeUnit.SECONDS));
    }

    /** Logs an ask that failed, once for each kind of failure: its grant is 0. */
    private void failed(Throwable failure) {
        String kind = failure.getClass().getName();
        if (failures.add(kind)) {
            LOG.log(System.Logger.Level.WARNING, "ptimer: cluster ask failed (its grant is 0; failures of this kind"
                    + " are not logged again): " + failure);
        }
    }

    private void probe() {
        try {
            leaderChanged();
            Address l = leader;
            if (l != null && !l.equals(channel.getAddress())) {
                channel.send(clockMessage(l, ClockProbe.probe()));
            }
        } catch (Exception | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "ptimer: cluster clock probe failed: " + e);
        }
    }

    /**
     * A probe or its answer: out of band, unbundled and past the reliable layers, so that it waits
     * behind no Raft traffic and its round trip, the offset's error, stays short on a busy machine.
     * A lost one is made up by the next.
     */
    private static Message clockMessage(Address to, byte[] payload) {
        return new BytesMessage(to, payload).setFlag(Message.Flag.OOB, Message.Flag.DONT_BUNDLE, Message.Flag.NO_RELIABILITY);
    }

    /**
     * RAFT calls this holding its state's lock, and {@link #leaderChanged} asks RAFT for the leader:
     * it runs on the clock's thread instead, so that no thread waits for the one lock holding the other.
     */
    private void roleChanged() {
        try {
            prober.execute(this::leaderChanged);
        } catch (RejectedExecutionException closed) {
            // the node is closing
        }
    }

    /**
     * Keeps the leader known here in step with Raft's, and the clock measured against it: a new
     * leader is probed at once, in a burst on the clock's thread, so a JVM that learns of one (after
     * a merge) sends again without waiting for the next round; the same leader back within
     * {@link #MEASURED_KEPT_NANOS} keeps its measurement. Raft is asked before this node's lock is
     * taken: never the one while holding the other.
     */
    private void leaderChanged() {
        Address now = raft.leader();
        synchronized (this) {
            if (Objects.equals(now, leader)) {
                return;
            }
            leader = now;
            if (now == null) {
                return;
            }
            if (now.equals(channel.getAddress())) {
                measured = now;
                clock.leading();
                return;
            }
            if (now.equals(measured) && clock.answeredWithin(MEASURED_KEPT_NANOS)) {
                return;
            }
            measured = now;
            clock.forget();
        }
        try {
            for (int i = 0; i < BURST; i++) {
                prober.schedule(this::probe, i * BURST_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException closed) {
            // the node is closing
        }
    }

    @Override
    public void receive(Message msg) {
        byte[] b = msg.getArray();
        int at = msg.getOffset();
        if (b == null || msg.getLength() < 9) {
            return;
        }
        try {
            if (b[at] == ClockProbe.PROBE) {
                channel.send(clockMessage(msg.getSrc(), ClockProbe.answer(b, at)));
            } else if (b[at] == ClockProbe.ANSWER && msg.getLength() >= 17 && msg.getSrc().equals(leader)) {
                clock.answered(b, at);
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "ptimer: cluster clock answer failed: " + e);
        }
    }

    @Override
    public void viewAccepted(View view) {
        List<String> names = new ArrayList<>();
        int voting = 0;
        for (Address a : view.getMembers()) {
            String name = String.valueOf(a);
            names.add(name);
            if (voters.contains(name)) {
                voting++;
            }
        }
        members = List.copyOf(names);
        majority = voting > voters.size() / 2;
        leaderChanged();
    }

    @Override
    public long offsetNanos() {
        leaderChanged();
        return clock.offset();
    }

    @Override
    public long offsetErrorNanos() {
        return clock.error();
    }

    @Override
    public String leader() {
        Address l = raft.leader();
        return l == null || !majority ? null : l.toString();
    }

    @Override
    public boolean majority() {
        return majority;
    }

    @Override
    public List<String> members() {
        return members;
    }

    @Override
    public String role() {
        if (leader() == null) {
            return "none";
        }
        return raft.raft().role().toLowerCase(Locale.ROOT);
    }

    @Override
    public String log() {
        RAFT r = raft.raft();
        return "term " + r.currentTerm() + ", commit index " + r.commitIndex() + ", last appended " + r.lastAppended();
    }

    @Override
    public void partition(boolean cut) {
        if (faults == null) {
            throw new IllegalStateException("fault injection is off: the node started without -D" + FAULT_INJECTION + "=true");
        }
        faults.discardAll(cut);
    }

    @Override
    public void close() {
        prober.shutdownNow();
        channel.close();
    }
}
