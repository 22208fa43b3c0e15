package io.ptimer.agent.ptimer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.RouteBinder;
import io.ptimer.agent.binding.RouteShape;
import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.cluster.Cluster;
import io.ptimer.agent.cluster.ClusterEngine;
import io.ptimer.agent.cluster.ClusterNode;
import io.ptimer.agent.cluster.ClusterSpec;
import io.ptimer.agent.cluster.GrantReceiver;
import io.ptimer.agent.exec.Overrun;
import io.ptimer.agent.exec.Precision;
import io.ptimer.agent.support.Await;
import io.ptimer.api.TimerContext;
import io.ptimer.api.TimerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A timer under cluster mode on a node made here: its loops spend what the node granted, step by step. */
class SharedLoopTest {
    private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int NTASKS = 10;
    private static final int NSLICES = 5;

    /** A deadline not read: the thread was held up between the clocks' two readings. */
    private static final long UNREAD = Long.MIN_VALUE;

    /**
     * What each loop saw: when it began and its deadline (ns since the epoch, or {@link #UNREAD}),
     * its slice and its tasks.
     */
    record Seen(long wall, long deadline, int slice, int tasks) {
    }

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    public static class Routes {
        public void start(TimerContext ctx) {
            ctx.backlog(7);
        }

        public void loop(TimerContext ctx) {
            long wall = wall();
            long nano = System.nanoTime();
            long after = wall();
            long deadline = after - wall > TimeUnit.MICROSECONDS.toNanos(200) ? UNREAD : wall + ctx.deadline() - nano;
            SEEN.add(new Seen(wall, deadline, ctx.slice(), ctx.tasks()));
        }

        public void end(TimerContext ctx) {
        }

        private static long wall() {
            Instant t = Instant.now();
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        }
    }

    /**
     * Grants {@code step % 3} (within the budget) at once, and remembers the asks; a contract set
     * holds from the step after the newest asked, and is told with each grant.
     */
    static final class Node implements ClusterNode {
        final List<long[]> asks = new CopyOnWriteArrayList<>();
        volatile String leader = "127.0.0.1:1";
        volatile boolean majority;

        @Override
        public void ask(String loop, long step, int budget, int wants, int ntasks, GrantReceiver receiver) {
            asks.add(new long[] {step, budget, wants, ntasks});
            long[] c = contract;
            if (c != null) {
                receiver.contracted(loop, (int) c[0], c[1]);
            }
            receiver.granted(loop, step, (int) Math.min(budget, Math.floorMod(step, 3L)));
        }

        /** The contract set, {@code {ntasks, from}}, or {@code null}. */
        volatile long[] contract;
        /** What setting a contract throws, or {@code null}. */
        volatile Exception contractFails;

        @Override
        public long contract(String timer, int ntasks) throws Exception {
            if (contractFails != null) {
                throw contractFails;
            }
            long from = asks.stream().mapToLong(a -> a[0]).max().orElse(Long.MIN_VALUE - 1) + 1;
            contract = new long[] {ntasks, from};
            return from;
        }

        @Override
        public long offsetNanos() {
            return 0;
        }

        @Override
        public long offsetErrorNanos() {
            return 100_000;
        }

        @Override
        public String leader() {
            return leader;
        }

        @Override
        public boolean majority() {
            return majority;
        }

        @Override
        public List<String> members() {
            String l = leader;
            return l == null ? List.of() : List.of(l);
        }

        @Override
        public String role() {
            return "leader";
        }

        @Override
        public String log() {
            return "in memory";
        }

        @Override
        public void close() {
        }
    }

    private Ptimer timer;

    @AfterEach
    void stop() throws InterruptedException {
        if (timer != null) {
            timer.workers().forEach(Worker::shutdown);
            for (Worker w : timer.workers()) {
                w.awaitStop(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            }
        }
        SEEN.clear();
    }

    @Test
    void eachLoopSpendsItsOwnStepsGrantAtTheStepsStart() throws Exception {
        Node node = new Node();
        Cluster cluster = started(node);
        Thread.sleep(1200);
        List<Seen> seen = new ArrayList<>(SEEN);
        assertTrue(seen.size() >= 30, "loops: " + seen.size());
        int onTime = 0;
        int checked = 0;
        int stale = 0;
        int deadlinesRead = 0;
        int deadlinesOnTime = 0;
        long previous = Long.MIN_VALUE;
        for (Seen s : seen.subList(1, seen.size())) {
            long step = Math.floorDiv(s.wall, INTERVAL);
            assertTrue(step != previous, "step " + step + " ran twice: " + seen);
            previous = step;
            checked++;
            if (s.slice != Math.floorMod(step, (long) NSLICES)) {
                stale++;
                assertEquals(0, s.tasks, "a loop that began after its own step spends nothing: step " + step);
            } else if (s.wall - step * INTERVAL < ClusterSpec.DEFAULT_SPEND_WINDOW_NANOS / 2) {
                onTime++;
                assertEquals(Math.floorMod(step, 3L), s.tasks, "tasks of step " + step);
                long window = step * INTERVAL + ClusterSpec.DEFAULT_SPEND_WINDOW_NANOS;
                if (s.deadline != UNREAD) {
                    assertTrue(s.deadline - window < TimeUnit.MILLISECONDS.toNanos(1), "the deadline of step " + step
                            + " is " + (s.deadline - window) + " ns past the end of its spend window");
                    deadlinesOnTime += window - s.deadline < TimeUnit.MILLISECONDS.toNanos(1) ? 1 : 0;
                    deadlinesRead++;
                }
            }
        }
        assertTrue(stale <= checked / 10, stale + " of " + checked + " loops began after their own step");
        assertTrue(onTime >= checked * 7 / 10, onTime + " of " + checked + " loops began early in their step");
        assertTrue(deadlinesOnTime >= deadlinesRead * 7 / 10 && deadlinesRead > 0, deadlinesOnTime + " of " + deadlinesRead
                + " loops were told the end of their step's spend window as their deadline, within 1 ms");
        assertEquals(0, seen.get(0).tasks, "the first loop was granted nothing: it asks only ahead");
        long[] last = node.asks.get(node.asks.size() - 1);
        assertEquals(7, last[2], "wants: the backlog the route told");
        assertEquals(Slices.share((int) Math.floorMod(last[0], (long) NSLICES), NTASKS, NSLICES), last[1],
                "budget of step " + last[0]);
        assertTrue(cluster.list().contains("loop shared/0: granted"), cluster.list());
    }

    @Test
    void withoutALeaderNothingIsSpentAndTheListSaysWhyCutOffOrElecting() throws Exception {
        Node node = new Node();
        node.leader = null;
        Cluster cluster = started(node);
        Thread.sleep(300);
        assertTrue(SEEN.size() >= 5, "loops: " + SEEN.size());
        assertTrue(SEEN.stream().allMatch(s -> s.tasks == 0), SEEN.toString());
        assertTrue(node.asks.isEmpty(), "asked without a leader");
        assertTrue(cluster.list().contains("sending: no, no leader in reach: cut off from a majority"), cluster.list());

        node.majority = true;
        Await.until("the list to say the members are electing", 10, () -> cluster.list().contains("no leader yet"));
        assertTrue(cluster.list().contains("sending: no, no leader yet: the members are electing one"), cluster.list());
        assertTrue(node.asks.isEmpty(), "asked during an election");
    }

    @Test
    void ntasksSetHereHoldsInTheClusterAndEachLoopAsksItsShareFromItsStep() throws Exception {
        Node node = new Node();
        started(node);
        Await.until("loops asking", 10, () -> node.asks.size() >= 5);
        String refused = assertThrows(IllegalArgumentException.class,
                () -> timer.set(new Setting.Change(Setting.INTERVAL, INTERVAL / 2), null)).getMessage();
        assertEquals("timer \"shared\": interval cannot be set in cluster \"c\": the interval and nslices make its steps,"
                + " the same in every JVM (change them in each JVM's configuration); ntasks can be set; nothing changed", refused);
        refused = assertThrows(IllegalArgumentException.class,
                () -> timer.set(new Setting.Change(Setting.NTASKS, 5), 0)).getMessage();
        assertEquals("timer \"shared\": ntasks is set for the whole timer in cluster \"c\", not for worker 0;"
                + " nothing changed", refused);
        assertEquals(null, node.contract);

        String done = timer.set(new Setting.Change(Setting.NTASKS, 5), null);
        long from = node.contract[1];
        assertEquals("set ntasks=5 on timer \"shared\" (1 worker) and in every JVM of cluster \"c\", from step " + from, done);
        assertEquals(5, timer.settings().ntasks());
        assertSharesFrom(node, from, 5);
    }

    /**
     * Set in another JVM, it is learnt with the next grant: the step asked for before that names the
     * old ntasks (the ledger grants it nothing), every later one the new.
     */
    @Test
    void ntasksSetInAnotherJvmIsPutInForceHereAtItsStep() throws Exception {
        Node node = new Node();
        started(node);
        Await.until("loops asking", 10, () -> node.asks.size() >= 5);
        long from = node.contract("shared", 4);
        Await.until("the timer to take it", 10, () -> timer.settings().ntasks() == 4);
        assertSharesFrom(node, from + 1, 4);
        assertEquals(4, WorkerFigures.of(timer.workers().get(0)).ntasks(), "the worker's ntasks in force");

        node.contractFails = new TimeoutException();
        String unknown = assertThrows(IllegalStateException.class,
                () -> timer.set(new Setting.Change(Setting.NTASKS, 8), null)).getMessage();
        assertEquals("timer \"shared\": ntasks=8 not set in cluster \"c\": no majority committed it in time; it may"
                + " still come into force (see list)", unknown);
        node.leader = null;
        String refused = assertThrows(IllegalStateException.class,
                () -> timer.set(new Setting.Change(Setting.NTASKS, 8), null)).getMessage();
        assertEquals("timer \"shared\": ntasks=8 not set in cluster \"c\": no leader in reach: cut off from a majority"
                + " of the members; nothing changed", refused);
        assertEquals(4, timer.settings().ntasks());
    }

    /** Awaits asks past {@code from} and checks that every ask from it names {@code ntasks} and asks its share. */
    private static void assertSharesFrom(Node node, long from, int ntasks) throws Exception {
        Await.until("asks from step " + from, 10, () -> node.asks.stream().filter(a -> a[0] >= from).count() >= 3);
        for (long[] a : node.asks) {
            if (a[0] >= from) {
                assertEquals(ntasks, a[3], "ntasks named for step " + a[0]);
                assertEquals(Slices.share((int) Math.floorMod(a[0], (long) NSLICES), ntasks, NSLICES), a[1],
                        "budget of step " + a[0]);
            }
        }
    }

    @Test
    void aNodeThatCannotStartTriesAgainUntilItJoins() throws Exception {
        Node node = new Node();
        AtomicInteger attempts = new AtomicInteger();
        Cluster cluster = started((name, bind, members) -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("join refused, attempt " + attempts.get());
            }
            return node;
        });
        assertEquals(3, attempts.get());
        assertTrue(cluster.list().contains("role leader"), cluster.list());
        cluster.close();
    }

    private Cluster started(Node node) throws Exception {
        return started((name, bind, members) -> node);
    }

    private Cluster started(ClusterEngine engine) throws Exception {
        ClusterSpec spec = new ClusterSpec("c", "127.0.0.1:1", List.of("127.0.0.1:1"), null,
                ClusterSpec.DEFAULT_CLOCK_BOUND_NANOS, ClusterSpec.DEFAULT_SPEND_WINDOW_NANOS, "name=c");
        Cluster cluster = Cluster.of(spec, engine);
        cluster.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (cluster.node() == null) {
            assertTrue(System.nanoTime() < deadline, "not joined within 10 s: " + cluster.list());
            Thread.sleep(20);
        }
        Map<Phase, RouteSpec> specs = new EnumMap<>(Phase.class);
        Map<Phase, BoundRoute> bound = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            RouteSpec route = RouteSpec.parse(Routes.class.getName() + "::" + phase.key(), RouteShape.PTIMER, phase.key());
            specs.put(phase, route);
            bound.put(phase, RouteBinder.bind(route, Routes.class));
        }
        timer = new Ptimer(new PtimerSpec("shared", TimerType.SYNCED_SLICE, INTERVAL, 1, NTASKS, NSLICES, Precision.HYBRID,
                true, Overrun.REANCHOR, false, 0, "c", specs, "name=shared"), cluster);
        timer.start(bound);
        return cluster;
    }
}
