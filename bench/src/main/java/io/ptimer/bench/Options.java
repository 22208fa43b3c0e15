package io.ptimer.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The benchmark's command-line options; {@link #USAGE} lists them. */
final class Options {
    static final String USAGE = """
            usage: Benchmark [options]
              --agent PATH          the agent jar (default agent/target/ptimer-agent.jar)
              --baseline PATH       an earlier agent jar, measured beside the agent in the lateness part as
                                    ptimer-baseline: an old build against a new one, in one run
              --out DIR             where report.md, lateness.png and the runs' files go (default target/bench-<time>)
              --intervals LIST      lateness intervals (default 100us,1ms,10ms)
              --seconds S           recorded time per runner and interval, split over the rounds, at least
                                    4,000 loops unless --smoke (default 10)
              --loops N             recorded loops per runner and interval instead of --seconds
              --warmup S            unrecorded warm-up per run, in seconds, at least 200 loops (default 2)
              --rounds R            rounds per interval; each round runs every runner once, in a rotated order (default 2)
              --runners LIST        of ptimer-default, ptimer-spin, stpe, hwt, cyclictest, kamailio (default all)
              --kamailio PATH       a Kamailio install prefix (sbin/kamailio, lib64/kamailio/modules with ptimer,
                                    rtimer, tm, tmx, sl, mqueue, pv, xlog): Kamailio's own timers and its SIP shaping
                                    as peers; without it those rows say they were skipped
              --samples DIR         the samples module, built, for the sip part (default samples)
              --sip-calls N         calls of the sip part's flood at 400 CPS, contract 100 CPS (default 1200)
              --only LIST           of lateness, startup, firstsecond, control, shaping, core, rtimer, async,
                                    drift, scale, customers, sip, jfr (default all of these), and cluster
                                    (only when named: a soak of the SIP cluster demo, 40 s a cycle)
              --cluster-cycles N    cycles of the cluster part's soak, every fault in each (default 10)
              --async-pending LIST  pending delayed routes of the async part (default 1000,10000,100000)
              --async-tasks N       tasks a round of the async part's throughput run (default 1000000)
              --startup-runs N      launches of each start-up variant (default 11)
              --peer-agents DIR     the Jolokia and jmx_exporter agent jars (default bench/target/peer-agents)
              --first-seconds N     seconds of the firstsecond part's timer recorded, more than 3 (default 15)
              --control-runs N      pause and start requests (default 20)
              --burst N             calls in the shaping burst (default 5000)
              --timers N            periodic timers of the core part, intervals 10 ms to 1 s (default 10000)
              --drift-loops N       recorded loops of the drift part at 1 ms (default 100000)
              --scale-counts LIST   timers of the scale part, all at 10 ms (default 1,10,100,1000)
              --customers LIST      one-worker timers of the customers part, all at 100 ms (default 1000,10000)
              --smoke               tiny counts: proves the program works, in about a minute
            """;
    private static final long MIN_LOOPS = 4_000;
    /**
     * What a smoke run records at 1 ms and shorter: its p99, which the smoke test sets against
     * STPE's, is then the tenth worst loop rather than the worst.
     */
    private static final long SMOKE_MIN_LOOPS = 1_000;
    static final List<String> RUNNERS = List.of("ptimer-default", "ptimer-spin", "stpe", "hwt", "cyclictest", "kamailio");
    static final List<String> PARTS = List.of("lateness", "startup", "firstsecond", "control", "shaping", "core",
            "rtimer", "async", "drift", "scale", "customers", "sip", "jfr");
    /** Parts that run only when {@code --only} names them. */
    static final List<String> ON_REQUEST = List.of("cluster");

    Path agent = Path.of("agent/target/ptimer-agent.jar");
    Path baseline;
    Path out = Path.of("target", "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    List<Long> intervals = List.of(TimeUnit.MICROSECONDS.toNanos(100), TimeUnit.MILLISECONDS.toNanos(1),
            TimeUnit.MILLISECONDS.toNanos(10));
    double seconds = 10;
    long loops;
    double warmup = 2;
    int rounds = 2;
    List<String> runners = RUNNERS;
    Set<String> parts = Set.copyOf(PARTS);
    int startupRuns = 11;
    Path peerAgents = Path.of("bench/target/peer-agents");
    Path kamailio;
    Path samples = Path.of("samples");
    int sipCalls = 1_200;
    int firstSeconds = 15;
    int controlRuns = 20;
    int burst = 5000;
    int timers = 10_000;
    int limit = 1000;
    long idleMillis = 1500;
    List<Integer> asyncPending = List.of(1_000, 10_000, 100_000);
    int asyncTasks = 1_000_000;
    int driftLoops = 100_000;
    List<Integer> scaleCounts = List.of(1, 10, 100, 1_000);
    List<Integer> customers = List.of(1_000, 10_000);
    int clusterCycles = 10;
    boolean smoke;

    static Options parse(String... args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--smoke")) {
                o.smoke();
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg.startsWith("--") ? arg + " needs a value" : "unknown argument " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--agent" -> o.agent = Path.of(value);
                case "--baseline" -> o.baseline = Path.of(value);
                case "--out" -> o.out = Path.of(value);
                case "--intervals" -> o.intervals = Arrays.stream(value.split(",")).map(Options::nanos).toList();
                case "--seconds" -> o.seconds = Double.parseDouble(value);
                case "--loops" -> o.loops = Long.parseLong(value);
                case "--warmup" -> o.warmup = Double.parseDouble(value);
                case "--rounds" -> o.rounds = Integer.parseInt(value);
                case "--runners" -> o.runners = pick(value, RUNNERS);
                case "--only" -> o.parts = Set.copyOf(pick(value, Stream.concat(PARTS.stream(), ON_REQUEST.stream()).toList()));
                case "--startup-runs" -> o.startupRuns = Integer.parseInt(value);
                case "--peer-agents" -> o.peerAgents = Path.of(value);
                case "--kamailio" -> o.kamailio = Path.of(value);
                case "--samples" -> o.samples = Path.of(value);
                case "--sip-calls" -> o.sipCalls = Integer.parseInt(value);
                case "--first-seconds" -> o.firstSeconds = Integer.parseInt(value);
                case "--control-runs" -> o.controlRuns = Integer.parseInt(value);
                case "--burst" -> o.burst = Integer.parseInt(value);
                case "--timers" -> o.timers = Integer.parseInt(value);
                case "--async-pending" -> o.asyncPending = counts(value);
                case "--async-tasks" -> o.asyncTasks = Integer.parseInt(value);
                case "--drift-loops" -> o.driftLoops = Integer.parseInt(value);
                case "--scale-counts" -> o.scaleCounts = counts(value);
                case "--customers" -> o.customers = counts(value);
                case "--cluster-cycles" -> o.clusterCycles = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (o.rounds < 1 || o.seconds <= 0 || o.warmup < 0 || o.burst < 1 || o.timers < 1 || o.startupRuns < 1
                || o.controlRuns < 1 || o.asyncTasks < 1 || o.asyncPending.stream().anyMatch(n -> n < 1)
                || o.driftLoops < 2 || o.sipCalls < 1 || o.scaleCounts.stream().anyMatch(n -> n < 1)
                || o.customers.stream().anyMatch(n -> n < 2) || o.clusterCycles < 1) {
            throw new IllegalArgumentException("counts and durations must be positive");
        }
        if (o.firstSeconds <= 3) {
            throw new IllegalArgumentException("--first-seconds must be more than 3: its first 3 s are set against the rest");
        }
        return o;
    }

    private void smoke() {
        smoke = true;
        seconds = 0.2;
        warmup = 0.05;
        rounds = 1;
        startupRuns = 2;
        firstSeconds = 4;
        controlRuns = 2;
        burst = 300;
        timers = 200;
        idleMillis = 200;
        asyncPending = List.of(1_000);
        asyncTasks = 20_000;
        driftLoops = 2_000;
        scaleCounts = List.of(1, 10);
        customers = List.of(20);
        sipCalls = 300;
        clusterCycles = 2;
    }

    /**
     * Recorded loops per run: {@code --loops}, or {@code --seconds} at this interval but at least
     * {@value #MIN_LOOPS} (a p99 of fewer is a handful of loops; with {@code --smoke},
     * {@value #SMOKE_MIN_LOOPS} at 1 ms and shorter, none above), split over the rounds.
     */
    int loopsPerRun(long interval) {
        long least = !smoke ? MIN_LOOPS : interval <= TimeUnit.MILLISECONDS.toNanos(1) ? SMOKE_MIN_LOOPS : 0;
        long total = loops > 0 ? loops : Math.max(least, (long) (seconds * 1e9 / interval));
        return (int) Math.max(2, total / rounds);
    }

    int warmupLoops(long interval) {
        return (int) Math.max(smoke ? 5 : 200, warmup * 1e9 / interval);
    }

    static long nanos(String text) {
        String t = text.trim();
        if (t.endsWith("us")) {
            return TimeUnit.MICROSECONDS.toNanos(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("ms")) {
            return TimeUnit.MILLISECONDS.toNanos(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return TimeUnit.SECONDS.toNanos(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        throw new IllegalArgumentException("interval " + text + " needs a unit: us, ms or s");
    }

    private static List<Integer> counts(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    private static List<String> pick(String value, List<String> known) {
        List<String> picked = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String p : picked) {
            if (!known.contains(p)) {
                throw new IllegalArgumentException("unknown " + p + " (known: " + String.join(", ", known) + ")");
            }
        }
        return picked;
    }
}
