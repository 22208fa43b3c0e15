package io.ptimer.bench;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Many one-worker timers, as one timer per customer: {@code n} sync-slice timers at one interval,
 * whose loop routes only take a time stamp, run by the agent with {@code thread=own} and
 * {@code thread=shared} and by {@code ScheduledThreadPoolExecutor(1)}, each in a JVM of its own.
 * Each reports the p50 / p99 / max lateness of the loops from the stamps (each timer against its
 * own grid), the CPU the JVM used (from {@code /proc/self/stat}), its threads, and the heap per
 * timer (after a full GC, against a run of the same kind with one timer). Optionally one more timer
 * whose loop sleeps 50 ms every tenth loop runs among them; its own stamps are left out.
 *
 * <pre>
 * java -cp bench/target/classes:api/target/classes io.ptimer.bench.ManyTimers \
 *     agent/target/ptimer-agent.jar 1000 100 [--sleeper] [--seconds 20] [--kinds own,shared,stpe]
 * </pre>
 */
public final class ManyTimers {
    /** Unrecorded seconds before the record: the timers start, then each learns its grid's phase. */
    static final int WARMUP_SECONDS = 5;
    /** Lateness buckets of 1 µs up to 100 ms; the last one takes the rest. */
    private static final int BUCKETS = 100_001;
    private static final AtomicLongArray LATE = new AtomicLongArray(BUCKETS);
    private static volatile boolean measuring;
    private static long[] firstLoop;
    private static long[] phase;
    private static boolean[] reset;
    private static volatile boolean resetPhase;
    /** Set once the arrays exist: the agent's timers start before this class's main. */
    private static volatile boolean ready;
    private static long intervalNanos;

    private ManyTimers() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--child")) {
            child(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]), Integer.parseInt(args[4]),
                    Path.of(args[5]), Integer.parseInt(args[6]));
            return;
        }
        Path jar = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        long intervalMillis = Long.parseLong(args[2]);
        boolean sleeper = false;
        int seconds = 20;
        List<String> kinds = List.of("own", "shared", "stpe");
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--sleeper" -> sleeper = true;
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--kinds" -> kinds = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("%d timers x 1 worker, type=3, interval=%d ms%s, %d s measured, %d processors%n", n,
                intervalMillis, sleeper ? ", one more sleeping 50 ms every tenth loop" : "", seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-8s %9s %9s %9s %8s %8s %14s %9s%n", "kind", "p50 us", "p99 us", "max us", "CPU %",
                "threads", "heap/timer B", "overruns");
        for (String kind : kinds) {
            Figures f = measure(jar, kind, n, intervalMillis, sleeper, seconds, WARMUP_SECONDS, null);
            System.out.printf("%-8s %9d %9d %9d %8.1f %8d %14d %9d%n", kind, f.p50Micros(), f.p99Micros(), f.maxMicros(),
                    f.cpuPercent(), f.threads(), f.heapPerTimer(), f.overruns());
        }
    }

    /** What one kind did with {@code n} timers: lateness from the stamps, CPU of a core, threads, heap per timer, overruns. */
    record Figures(long p50Micros, long p99Micros, long maxMicros, double cpuPercent, int threads, long heapPerTimer,
            long overruns) {
    }

    /**
     * Runs {@code kind} ({@code own}, {@code shared}, {@code stpe} or {@code hwt}) with {@code n} timers in a
     * JVM of its own, and with one timer in another for the heap's baseline, each after {@code warmup}
     * seconds unrecorded.
     *
     * @param log where the JVMs' output goes, or {@code null} for this JVM's own
     */
    static Figures measure(Path jar, String kind, int n, long intervalMillis, boolean sleeper, int seconds,
            int warmup, Path log) throws IOException, InterruptedException {
        return measure(jar, kind, n, intervalMillis, sleeper, seconds, warmup,
                baselineHeap(jar, kind, intervalMillis, seconds, warmup, log), log);
    }

    /**
     * The heap used after a full GC by {@code kind} with one timer, in a JVM of its own: the baseline
     * that {@link Figures#heapPerTimer} is counted against.
     */
    static long baselineHeap(Path jar, String kind, long intervalMillis, int seconds, int warmup, Path log)
            throws IOException, InterruptedException {
        return Long.parseLong(run(jar, kind, 1, intervalMillis, false, Math.min(seconds, 5), warmup, log)[5]);
    }

    /** As {@link #measure(Path, String, int, long, boolean, int, int, Path)}, against a baseline measured before. */
    static Figures measure(Path jar, String kind, int n, long intervalMillis, boolean sleeper, int seconds,
            int warmup, long baselineHeap, Path log) throws IOException, InterruptedException {
        String[] full = run(jar, kind, n, intervalMillis, sleeper, seconds, warmup, log);
        long heapPer = (Long.parseLong(full[5]) - baselineHeap) / Math.max(1, n - 1);
        return new Figures(Long.parseLong(full[0]), Long.parseLong(full[1]), Long.parseLong(full[2]),
                Double.parseDouble(full[3]), Integer.parseInt(full[4]), heapPer, Long.parseLong(full[6]));
    }

    /** Runs one child JVM; its figures: p50, p99, max (µs), CPU %, threads, heap used after GC (bytes). */
    private static String[] run(Path jar, String kind, int n, long intervalMillis, boolean sleeper, int seconds,
            int warmup, Path log) throws IOException, InterruptedException {
        Path out = Files.createTempFile("many-timers", ".out");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (kind.equals("own") || kind.equals("shared")) {
            Path config = Files.createTempFile("many-timers", ".cfg");
            StringBuilder cfg = new StringBuilder();
            String route = CustomerRoute.class.getName() + "::loop";
            for (int i = 0; i < n; i++) {
                cfg.append("modparam(\"ptimer\", \"timer\", \"name=c").append(i).append(";type=3;interval=")
                        .append(intervalMillis).append("ms;nworkers=1;thread=").append(kind).append("\")\n");
                cfg.append("modparam(\"ptimer\", \"loop\", \"timer=c").append(i).append(";route=").append(route)
                        .append("\")\n");
            }
            if (sleeper) {
                cfg.append("modparam(\"ptimer\", \"timer\", \"name=sleeper;type=3;interval=").append(intervalMillis)
                        .append("ms;nworkers=1;thread=").append(kind).append("\")\n");
                cfg.append("modparam(\"ptimer\", \"loop\", \"timer=sleeper;route=").append(CustomerRoute.class.getName())
                        .append("::sleep\")\n");
            }
            Files.writeString(config, cfg);
            command.add("-javaagent:" + jar + "=config=" + config);
        }
        command.add("-Dmany.debug=" + Boolean.getBoolean("many.debug"));
        command.addAll(List.of("-Xms256m", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ManyTimers.class.getName(), "--child", kind, String.valueOf(n),
                String.valueOf(TimeUnit.MILLISECONDS.toNanos(intervalMillis)), String.valueOf(seconds), out.toString(),
                String.valueOf(warmup)));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (log == null) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        Process p = builder.start();
        if (!p.waitFor(seconds + 120L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(kind + " with " + n + " timers failed");
        }
        return Files.readString(out).trim().split(" ");
    }

    private static void child(String kind, int n, long interval, int seconds, Path out, int warmup) throws Exception {
        intervalNanos = interval;
        firstLoop = new long[n];
        phase = new long[n];
        reset = new boolean[n];
        ready = true;
        ScheduledThreadPoolExecutor stpe = null;
        HashedWheelTimer wheel = null;
        if (kind.equals("stpe")) {
            stpe = new ScheduledThreadPoolExecutor(1);
            stpe.prestartAllCoreThreads();
            for (int i = 0; i < n; i++) {
                int id = i;
                stpe.scheduleAtFixedRate(() -> stamp(id), interval, interval, TimeUnit.NANOSECONDS);
            }
        } else if (kind.equals("hwt")) {
            wheel = new HashedWheelTimer(1, TimeUnit.MILLISECONDS);
            long t0 = System.nanoTime() + interval;
            for (int i = 0; i < n; i++) {
                wheel.newTimeout(new WheelTask(wheel, i, t0), interval, TimeUnit.NANOSECONDS);
            }
        }
        Thread.sleep(warmup * 600L);
        resetPhase = true;
        Thread.sleep(warmup * 400L);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        Thread.sleep(200);
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        long overrunsBefore = overruns(kind, n);
        long cpuBefore = cpuTicks();
        long wallBefore = System.nanoTime();
        measuring = true;
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        measuring = false;
        long cpu = cpuTicks() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        long overruns = overruns(kind, n) - overrunsBefore;
        double cpuPercent = 100.0 * cpu * 1e7 / wall;
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += LATE.get(i);
        }
        String line = percentile(total, 0.50) + " " + percentile(total, 0.99) + " " + percentile(total, 1.0) + " "
                + String.format(Locale.ROOT, "%.1f", cpuPercent) + " " + threads + " " + heap + " " + overruns;
        Files.writeString(out, line + "\n");
        if (!kind.equals("stpe") && !kind.equals("hwt") && Boolean.getBoolean("many.debug")) {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            StringBuilder agent = new StringBuilder("agent's p99/max us:");
            for (int i = 0; i < n; i += Math.max(1, n / 40)) {
                ObjectName name = new ObjectName("io.ptimer:type=Timer,name=c" + i);
                agent.append(' ').append(server.getAttribute(name, "iterations")).append(':').append(server.getAttribute(name, "latenessP99Us")).append('/')
                        .append(server.getAttribute(name, "latenessMaxUs"));
            }
            System.err.println(agent);
            int[] spread = new int[(int) (intervalNanos / 1_000_000)];
            long base = firstLoop[0] + phase[0];
            for (int i = 0; i < n; i++) {
                spread[(int) (Math.floorMod(firstLoop[i] + phase[i] - base, intervalNanos) / 1_000_000)]++;
            }
            System.err.println("timers whose grid points fall in each ms of the interval: " + java.util.Arrays.toString(spread));
        }
        if (stpe != null) {
            stpe.shutdownNow();
        }
        if (wheel != null) {
            wheel.stop();
        }
        System.exit(0);
    }

    /** A timer on Netty's wheel: it re-arms itself for its next grid point, {@code t0 + k * interval}. */
    private static final class WheelTask implements TimerTask {
        private final HashedWheelTimer wheel;
        private final int id;
        private long next;

        WheelTask(HashedWheelTimer wheel, int id, long t0) {
            this.wheel = wheel;
            this.id = id;
            this.next = t0;
        }

        @Override
        public void run(Timeout timeout) {
            stamp(id);
            next += intervalNanos;
            wheel.newTimeout(this, Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** The overruns of the agent's timers, as their MBeans say; 0 for other kinds. */
    private static long overruns(String kind, int n) throws Exception {
        if (kind.equals("stpe") || kind.equals("hwt")) {
            return 0;
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            ObjectName name = new ObjectName("io.ptimer:type=Timer,name=c" + i);
            for (int wait = 0; wait < 1000 && !server.isRegistered(name); wait++) {
                Thread.sleep(10);
            }
            sum += (Long) server.getAttribute(name, "overruns");
        }
        return sum;
    }

    /** The smallest µs bucket by which {@code q} of the loops had begun. */
    private static long percentile(long total, double q) {
        long want = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += LATE.get(i);
            if (seen >= want && seen > 0) {
                return i;
            }
        }
        return BUCKETS - 1;
    }

    /** The JVM's user and system CPU time, in clock ticks (10 ms), from {@code /proc/self/stat}. */
    private static long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * Notes a loop of timer {@code id}. Its grid's phase is the earliest that its loops began during the
     * warm-up, counted from half an interval before its first loop (so that a late loop does not wrap
     * round); while measuring, a loop's lateness is how much later than that phase it began.
     */
    static void stamp(int id) {
        long now = System.nanoTime();
        if (!ready) {
            return;
        }
        if (firstLoop[id] == 0) {
            firstLoop[id] = now - intervalNanos / 2;
            phase[id] = intervalNanos / 2;
            return;
        }
        long at = (now - firstLoop[id]) % intervalNanos;
        if (!measuring) {
            if (resetPhase && !reset[id]) {
                reset[id] = true;
                phase[id] = at;
            }
            phase[id] = Math.min(phase[id], at);
            return;
        }
        int bucket = (int) Math.min(Math.max(0, at - phase[id]) / 1000, BUCKETS - 1);
        LATE.incrementAndGet(bucket);
    }
}
