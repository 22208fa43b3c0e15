package io.ptimer.samples.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Several shaping proxies behind one carrier contract, on one machine, loopback only: SIPp as the
 * carrier ({@code sipp -sn uas}), three {@link ShapingProxy} JVMs with the agent, each with its
 * cluster configuration ({@code samples/config/sip-cluster-N.cfg}, on free ports), and one SIPp
 * customer per proxy flooding it. During the flood a proxy is killed with {@code kill -9}, a
 * fourth proxy (without a vote) joins, the killed proxy comes back, optionally a voting proxy that
 * does not lead is cut off from the others for a while (the proxies then run with fault injection
 * on), and the leader is killed. When the customers are done, every process is stopped and the
 * carrier's trace is measured ({@link ClusterReport}). Exits 0 when the contract held, 1 when it did not, 2 on bad
 * options or a missing {@code sipp} (or libfaketime, for {@code --skew}).
 *
 * <p>Options: {@code --rate} calls a second offered to each proxy (200), {@code --seconds} of
 * flood (40), {@code --limit} the carrier's calls a second (100, as the configurations say),
 * {@code --queue-timeout} seconds (5), the seconds into the flood of each event, 0 for none:
 * {@code --kill} (8), {@code --join} (14), {@code --restart} (20), {@code --partition} (0, healed
 * {@code --partition-for} 3 seconds later), {@code --kill-leader} (34); {@code --skew} milliseconds
 * that proxy 4's wall clock runs ahead (0: none), under libfaketime; {@code --cycles} (1): a soak
 * of that many cycles of {@code --seconds} each, every one with the same events, and from the
 * second on the leader killed in the cycle before coming back at its second 2 and proxy 4 killed
 * at its second 4, so that it can join again; {@code --set-ntasks} calls a second (0: none, else
 * fewer than {@code --limit}) to which the contract is lowered {@code --set-at} seconds into the
 * flood (the first cycle), with the agent's command line on one voting proxy; and paths, relative
 * to the repository's root: {@code --agent}, {@code --cluster-jar}, {@code --classpath},
 * {@code --config-dir}, {@code --out}.
 */
public final class SipClusterDemo {
    /** The shaping timer's interval in the configurations, before its start route stretches it. */
    private static final Duration INTERVAL = Duration.ofMillis(100);
    /** The cluster's step: the interval as the start route stretches it, in µs. */
    private static final long STEP_MICROS = SipQueueTimer.stretched(INTERVAL, SipClusterTimer.MARGIN).toNanos() / 1000;
    /** The agent's switch for fault injection ({@code ClusterNode.FAULT_INJECTION}). */
    private static final String FAULT_INJECTION = "ptimer.cluster.faultInjection";
    /** The lowest port chosen for a cluster node. */
    private static final int FIRST_PORT = 20000;
    private static final String JAR_IN_CONFIG = "jar=cluster/target/ptimer-cluster.jar";
    private final Map<String, String> o;
    private final Path sipp;
    private final Path out;
    private final int rate;
    /** Seconds of one cycle. */
    private final int seconds;
    /** Seconds of the whole flood: every cycle's. */
    private final int total;
    private final int skew;
    /** Seconds into the flood a proxy is cut off, 0 for never, and how long it stays cut off. */
    private final int partition;
    private final int partitionFor;
    /** The contract lowered to, calls a second (0: never), and when, seconds into the flood. */
    private final int setNtasks;
    private final int setAt;
    /** The contract as lowered, once it was. */
    private ClusterReport.Lowered lowered;
    private final Path faketime;
    private final List<ClusterProxy> proxies = new ArrayList<>();
    private final Processes processes = new Processes();
    private final List<ClusterReport.Event> events = new ArrayList<>();
    private int carrierPort;
    private List<String> binds;
    private long floodStartMicros;

    private SipClusterDemo(Map<String, String> o, Path sipp, Path faketime) {
        this.o = o;
        this.sipp = sipp;
        this.faketime = faketime;
        this.skew = number(o, "skew", 0);
        this.partition = number(o, "partition", 0);
        this.partitionFor = number(o, "partition-for", 1);
        this.setNtasks = number(o, "set-ntasks", 0);
        this.setAt = number(o, "set-at", 0);
        this.out = Path.of(o.get("out")).toAbsolutePath();
        this.rate = number(o, "rate", 1);
        this.seconds = number(o, "seconds", 1);
        this.total = seconds * number(o, "cycles", 1);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        o.putAll(Map.of("rate", "200", "seconds", "40", "limit", "100", "queue-timeout", "5", "kill", "8", "join", "14",
                "restart", "20", "partition", "0", "partition-for", "3", "kill-leader", "34"));
        o.putAll(Map.of("skew", "0", "cycles", "1", "set-ntasks", "0", "set-at", "0"));
        o.putAll(Map.of("agent", "agent/target/ptimer-agent.jar", "cluster-jar", "cluster/target/ptimer-cluster.jar",
                "classpath", "samples/target/classes:samples/target/lib/*", "config-dir", "samples/config",
                "out", "samples/target/sip-cluster"));
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!o.containsKey(key) || i + 1 >= args.length) {
                fail(2, "SipClusterDemo: " + (o.containsKey(key) ? args[i] + " needs a value" : "unknown option \""
                        + args[i] + "\"") + "; options: --" + String.join(", --", o.keySet()));
            }
            o.put(key, args[i + 1]);
        }
        for (String path : List.of("agent", "cluster-jar")) {
            if (!Files.isRegularFile(Path.of(o.get(path)))) {
                fail(2, "SipClusterDemo: --" + path + " " + o.get(path) + ": no such file (build first: mvn package)");
            }
        }
        Path sipp = Sipp.find();
        if (sipp == null) {
            fail(2, "SipClusterDemo: sipp is not on the PATH; install SIPp (Debian and Ubuntu: apt-get install sip-tester)");
        }
        int setNtasks = number(o, "set-ntasks", 0);
        if (setNtasks > 0 && (setNtasks >= number(o, "limit", 1) || number(o, "set-at", 1) >= number(o, "seconds", 1))) {
            fail(2, "SipClusterDemo: --set-ntasks lowers the contract: fewer calls a second than --limit " + o.get("limit")
                    + ", at a --set-at second within the first cycle of " + o.get("seconds"));
        }
        Path faketime = null;
        if (number(o, "skew", 0) > 0) {
            faketime = libfaketime();
            if (faketime == null) {
                fail(2, "SipClusterDemo: --skew needs libfaketime (Debian and Ubuntu: apt-get install faketime)");
            }
        }
        SipClusterDemo demo = new SipClusterDemo(o, sipp, faketime);
        Runtime.getRuntime().addShutdownHook(new Thread(demo.processes::stopAll, "sip-cluster-cleanup"));
        boolean held;
        try {
            held = demo.run();
        } finally {
            demo.processes.stopAll();
        }
        System.exit(held ? 0 : 1);
    }

    private boolean run() throws Exception {
        Files.createDirectories(out);
        int limit = number(o, "limit", 1);
        carrierPort = freeUdpPort();
        binds = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            binds.add("127.0.0.1:" + freeTcpPort());
        }
        Path carrierTrace = out.resolve("carrier.trace");
        Files.deleteIfExists(carrierTrace);
        System.out.printf(Locale.ROOT, "SIP cluster demo: a SIPp customer per proxy at %d calls/s for %d s -> ShapingProxy"
                + " JVMs sharing one contract of %d calls/s -> SIPp carrier 127.0.0.1:%d%n", rate, total, limit, carrierPort);
        System.out.println("cluster members (voters) " + String.join(",", binds.subList(0, 3)) + ", proxy 4 without a vote "
                + binds.get(3) + "; configurations " + o.get("config-dir") + "/sip-cluster-N.cfg on these ports");
        processes.started(Sipp.carrier(sipp, carrierPort, carrierTrace, out.resolve("carrier.log")));
        for (int n = 1; n <= 3; n++) {
            startProxy(n);
        }
        for (ClusterProxy p : proxies) {
            p.awaitSending(90);
            if (partition > 0) {
                p.connect();
            }
        }
        floodStartMicros = nowMicros();
        event(null, "start", "the three proxies send; the flood begins");
        long floodStart = System.nanoTime();
        for (ClusterProxy p : proxies) {
            flood(p, total);
        }
        play(floodStart);
        int queueTimeout = number(o, "queue-timeout", 1);
        for (ClusterProxy p : proxies) {
            p.awaitCustomer(total + queueTimeout + 60);
        }
        long floodEndMicros = floodStartMicros + TimeUnit.SECONDS.toMicros(total);
        for (ClusterProxy p : proxies) {
            p.stop();
        }
        processes.stopAll();

        ClusterReport.Timing timing = new ClusterReport.Timing(
                RelayLog.read(proxies.stream().map(p -> relayLog(p.name)).toList()), SippTrace.byCall(carrierTrace, "R"),
                STEP_MICROS);
        ClusterReport report = new ClusterReport(limit, lowered, floodStartMicros, floodEndMicros, events, proxies, timing);
        System.out.println();
        report.lines().forEach(System.out::println);
        System.out.println("  logs and traces: " + out);
        System.out.println("figures sip-cluster " + report.words());
        System.out.println(report.held() ? "contract held" : "CONTRACT BROKEN");
        return report.held();
    }

    /** One event of the plan: at {@code at} seconds into the flood, in cycle {@code cycle} (from 1). */
    private record Planned(int at, String event, int cycle) {
    }

    /**
     * Kills, starts, restarts, cuts off and heals proxies at the seconds into each cycle their
     * options name.
     */
    private void play(long floodStart) throws Exception {
        List<Planned> plan = new ArrayList<>();
        for (int c = 0; c < total / seconds; c++) {
            int base = c * seconds;
            for (String event : List.of("kill", "join", "restart", "partition", "kill-leader")) {
                int at = number(o, event, 0);
                if (at > 0 && at < seconds) {
                    plan.add(new Planned(base + at, event, c + 1));
                }
            }
            if (partition > 0 && partition + partitionFor < seconds) {
                plan.add(new Planned(base + partition + partitionFor, "heal", c + 1));
            }
            if (c == 0 && setNtasks > 0) {
                plan.add(new Planned(setAt, "set", 1));
            }
            if (c > 0) {
                plan.add(new Planned(base + 2, "leader-back", c + 1));
                plan.add(new Planned(base + 4, "leave", c + 1));
            }
        }
        plan.sort(Comparator.comparingInt(Planned::at));
        ClusterProxy killed = null;
        ClusterProxy killedLeader = null;
        ClusterProxy cut = null;
        for (Planned step : plan) {
            long wait = floodStart + TimeUnit.SECONDS.toNanos(step.at()) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int left = total - step.at();
            String suffix = step.cycle() > 1 ? "_" + step.cycle() : "";
            switch (step.event()) {
                case "kill" -> killed = kill(follower(), "kill" + suffix, "kill -9 of proxy");
                case "kill-leader" -> killedLeader = kill(leader(), "kill_leader" + suffix, "kill -9 of the leader, proxy");
                case "join" -> flood(started(startProxy(4), "join" + suffix, "proxy 4 (no vote" + (skew > 0 ? ", clock "
                        + skew + " ms ahead" : "") + ") joins"), left);
                case "leave" -> {
                    ClusterProxy fourth = proxies.stream().filter(p -> p.number == 4 && p.alive()).findFirst().orElse(null);
                    if (fourth != null) {
                        kill(fourth, "leave" + suffix, "kill -9 of proxy");
                    }
                }
                case "partition" -> {
                    cut = follower();
                    partition(cut, true);
                    event(cut, "partition" + suffix, "partition: proxy " + cut.number + " (" + cut.bind + ") cut off from the others");
                }
                case "heal" -> {
                    if (cut != null) {
                        partition(cut, false);
                        event(cut, "heal" + suffix, "proxy " + cut.number + " healed");
                    }
                }
                case "set" -> lower(follower());
                case "leader-back" -> {
                    if (killedLeader != null) {
                        flood(started(startProxy(killedLeader.number), "leader_back" + suffix, "proxy " + killedLeader.number
                                + " (the leader killed) comes back"), left);
                        killedLeader = null;
                    }
                }
                default -> {
                    if (killed != null) {
                        flood(started(startProxy(killed.number), "restart" + suffix, "proxy " + killed.number + " comes back"),
                                left);
                        killed = null;
                    }
                }
            }
        }
    }

    /**
     * Lowers the contract to {@code setNtasks} calls a second with the agent's command line on proxy
     * {@code p}: the whole cluster keeps it from the step the command names.
     */
    private void lower(ClusterProxy p) throws Exception {
        long typed = nowMicros();
        String said = p.set(Path.of(o.get("agent")), "ntasks=" + setNtasks);
        Matcher from = Pattern.compile("from step (\\d+)").matcher(said);
        if (!from.find()) {
            throw new IllegalStateException(p.name + ": set answered without a step: " + said);
        }
        long step = Long.parseLong(from.group(1));
        lowered = new ClusterReport.Lowered(setNtasks, typed, step * STEP_MICROS);
        event(p, "set", "the contract lowered to " + setNtasks + " calls/s with set on proxy " + p.number + ", from step " + step);
    }

    /** Starts proxy {@code n} (1 to 4) with its configuration on this run's ports. */
    private ClusterProxy startProxy(int n) throws IOException {
        String config = Files.readString(Path.of(o.get("config-dir"), "sip-cluster-" + n + ".cfg"));
        for (int i = 1; i <= 4; i++) {
            config = config.replace("127.0.0.1:780" + i, binds.get(i - 1));
        }
        config = config.replace(JAR_IN_CONFIG, "jar=" + Path.of(o.get("cluster-jar")).toAbsolutePath());
        int generation = (int) proxies.stream().filter(p -> p.number == n).count() + 1;
        String name = "proxy-" + n + (generation > 1 ? "-" + generation : "");
        Path cfg = out.resolve(name + ".cfg");
        Files.writeString(cfg, config);
        int sipPort = freeUdpPort();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-D" + FAULT_INJECTION + "=" + (partition > 0),
                "-javaagent:" + o.get("agent") + "=config=" + cfg, "-cp", o.get("classpath"), ShapingProxy.class.getName(),
                "--listen", "127.0.0.1:" + sipPort, "--upstream", "127.0.0.1:" + carrierPort,
                "--queue-timeout", o.get("queue-timeout"), "--relay-log", relayLog(name).toString());
        Path log = out.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        int skewed = n == 4 ? skew : 0;
        if (skewed > 0) {
            // FAKETIME_FORCE_MONOTONIC_FIX=0: with libfaketime's fix on, the JVM's timed waits return early
            // and its idle threads spin, slowing every process beside it
            builder.environment().putAll(Map.of("LD_PRELOAD", faketime.toString(), "FAKETIME",
                    String.format(Locale.ROOT, "+%.3f", skewed / 1000.0), "FAKETIME_DONT_FAKE_MONOTONIC", "1",
                    "FAKETIME_FORCE_MONOTONIC_FIX", "0"));
        }
        Process p = processes.started(builder.start());
        ClusterProxy proxy = new ClusterProxy(n, name, binds.get(n - 1), sipPort, skewed, p, log);
        proxies.add(proxy);
        return proxy;
    }

    private Path relayLog(String proxy) {
        return out.resolve(proxy + "-relays.tsv");
    }

    /** Starts a customer flooding {@code p} at the rate for {@code flood} seconds. */
    private void flood(ClusterProxy p, int flood) throws IOException, InterruptedException {
        p.awaitLine("ShapingProxy: udp", 60);
        int calls = rate * flood;
        Process customer = processes.started(Sipp.customer(sipp, freeUdpPort(), p.sipPort, rate, calls,
                flood + number(o, "queue-timeout", 1) + 60, out.resolve(p.name + "-customer.csv"),
                out.resolve(p.name + "-customer.log")));
        p.flooded(customer, calls, out.resolve(p.name + "-customer.csv"));
    }

    /** Cuts {@code p} off or heals it; fails with the MBean's answer if that did not happen. */
    private static void partition(ClusterProxy p, boolean cut) throws Exception {
        String answer = p.partition(cut);
        if (!answer.startsWith(cut ? "cut off" : "partition healed")) {
            throw new IllegalStateException(p.name + ": partition(" + cut + ") answered: " + answer);
        }
    }

    private ClusterProxy kill(ClusterProxy p, String key, String what) throws InterruptedException {
        event(p, key, what + " " + p.number + " (" + p.bind + ")");
        p.kill();
        return p;
    }

    private ClusterProxy event(ClusterProxy p, String key, String what) {
        return event(key, what, null, p);
    }

    /** The event of proxy {@code p} started (it joins or comes back): the report says when it first relayed. */
    private ClusterProxy started(ClusterProxy p, String key, String what) {
        return event(key, what, p, p);
    }

    private ClusterProxy event(String key, String what, ClusterProxy started, ClusterProxy p) {
        events.add(new ClusterReport.Event(key, what, nowMicros(), started));
        System.out.printf(Locale.ROOT, "%5.1f s  %s%n", (nowMicros() - floodStartMicros) / 1e6, what);
        return p;
    }

    /** The leader, as the last cluster line of a live proxy names it. */
    private ClusterProxy leader() throws IOException {
        for (ClusterProxy p : proxies) {
            if (p.alive()) {
                String leader = p.leader();
                for (ClusterProxy q : proxies) {
                    if (q.alive() && q.bind.equals(leader)) {
                        return q;
                    }
                }
            }
        }
        throw new IllegalStateException("no live proxy names a live leader");
    }

    /** A live voting proxy that is not the leader. */
    private ClusterProxy follower() throws IOException {
        ClusterProxy leader = leader();
        return proxies.stream().filter(p -> p.alive() && p != leader && p.number <= 3).findFirst()
                .orElseThrow(() -> new IllegalStateException("no live voting proxy besides the leader"));
    }

    /** Debian's libfaketime, or {@code null} where it is not installed. */
    private static Path libfaketime() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib"))) {
            return dirs.map(d -> d.resolve("faketime/libfaketime.so.1")).filter(Files::isRegularFile).findFirst().orElse(null);
        }
    }

    private static long nowMicros() {
        return TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * A free TCP port for a proxy's cluster node, below the kernel's range of ephemeral ports: a
     * proxy that comes back binds its port again, and a port of that range may be taken meanwhile
     * by any outgoing connection on the machine (seen here: a restarted proxy failed to bind for
     * the rest of the run).
     */
    private static int freeTcpPort() throws IOException {
        int below = ephemeralPortsFrom();
        for (int i = 0; i < 200 && below > FIRST_PORT; i++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST_PORT, below);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The first ephemeral port (Linux: {@code /proc/sys/net/ipv4/ip_local_port_range}), 32768 where unknown. */
    private static int ephemeralPortsFrom() {
        try {
            // read by lines: the file claims a size of 0, and Files.readString then returned its first byte only
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim()
                    .split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }

    private static int number(Map<String, String> o, String key, int least) {
        try {
            int n = Integer.parseInt(o.get(key));
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail(2, "SipClusterDemo: --" + key + " \"" + o.get(key) + "\": expected a whole number >= " + least);
        return 0;
    }

    private static void fail(int status, String message) {
        System.err.println(message);
        System.exit(status);
    }
}
