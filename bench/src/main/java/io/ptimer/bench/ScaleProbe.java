package io.ptimer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The child side of the parts with many timers ({@code core}, {@code scale}): {@code bench.timers}
 * periodic timers, every one at {@code bench.interval} ns when that is set, otherwise with the
 * intervals of {@link Spread}, each run storing its start in {@link #stamps} (with room for
 * {@code bench.lead} ns more, default 0, for timers that start with the JVM); measures, after
 * {@code bench.warmup} ns, the process's CPU time over {@code bench.window} ns, then the heap
 * (used after a full GC; the timers' own tasks and stamps allocated before: no collection disturbs
 * the warm-up or the window); stops the timers and writes the {@link Result} against the
 * registration grid to {@code bench.out}, the one against a re-anchored grid to
 * {@code bench.out}{@code .reanchored}, the heap used to {@code bench.out}{@code .used} and, where
 * the heap before the timers is known, what the scheduler holds per timer, in bytes, to
 * {@code bench.out}{@code .heap}.
 */
final class ScaleProbe {
    /** Time for the runs due by the end of the window to begin before the heap is measured. */
    private static final long SETTLE = TimeUnit.MILLISECONDS.toNanos(200);

    /** What stops the timers under test. */
    interface Stopper {
        /** Stops every timer; returns once no run is in progress or about to begin. */
        void stop() throws Exception;
    }

    /** One scheduler under test. */
    interface Scheduler extends Stopper {
        /**
         * Runs the scheduling path once, leaving nothing scheduled, so that the first timer's grid
         * does not carry the cost of cold code.
         */
        default void warm() throws Exception {
        }

        /** Runs {@code tick} every {@code intervalNanos} from now on, first one interval from now. */
        void start(int timer, long intervalNanos, Runnable tick) throws Exception;
    }

    private ScaleProbe() {
    }

    /** The stamps of this JVM's timers, made on first use: shared by the host and the agent's routes. */
    static Stamps stamps() {
        return Shared.STAMPS;
    }

    /** Schedules the timers, each with a grid from the time just before it was scheduled, and measures. */
    static void run(Scheduler scheduler) throws Exception {
        prepare();
        Stamps stamps = stamps();
        long[] intervals = intervals();
        Runnable[] ticks = new Runnable[intervals.length];
        for (int i = 0; i < ticks.length; i++) {
            int timer = i;
            ticks[i] = () -> stamps.record(timer, System.nanoTime());
        }

        scheduler.warm();
        long before = heapAfterGc();
        for (int i = 0; i < ticks.length; i++) {
            stamps.started(i, System.nanoTime());
            scheduler.start(i, intervals[i], ticks[i]);
        }
        measure(stamps, before, scheduler);
    }

    /**
     * Measures timers that the agent started before {@code main}, whose routes set their grids with
     * {@link Stamps#firstDue}; the warm-up begins once every timer has run. The heap before them is
     * not known here: {@code .heap} is not written.
     */
    static void runStarted(Stopper stopper) throws Exception {
        prepare();
        Stamps stamps = stamps();
        while (!stamps.allRan()) {
            if (TimeUnit.MILLISECONDS.toNanos(ManagementFactory.getRuntimeMXBean().getUptime()) > lead()) {
                throw new IllegalStateException("not every timer ran within " + TimeUnit.NANOSECONDS.toSeconds(lead())
                        + " s of the JVM's start, after which their stamps have no room for the window");
            }
            Thread.sleep(10);
        }
        measure(stamps, -1, stopper);
    }

    /** What a run without timers holds: the heap used at the time {@link #runStarted} measures it. */
    static void baseline() throws Exception {
        prepare();
        stamps();
        long start = System.nanoTime();
        sleepUntil(start + Long.getLong("bench.warmup") + Long.getLong("bench.window") + SETTLE);
        writeUsed(heapAfterGc());
        System.exit(0);
    }

    private static void measure(Stamps stamps, long heapBefore, Stopper stopper) throws Exception {
        long warmup = Long.getLong("bench.warmup");
        long window = Long.getLong("bench.window");
        Path out = out();
        long from = System.nanoTime() + warmup;
        sleepUntil(from);
        long cpu = processCpuNanos();
        long to = from + window;
        sleepUntil(to);
        cpu = processCpuNanos() - cpu;
        sleepUntil(to + SETTLE);
        long used = heapAfterGc();
        stopper.stop();
        long stopped = System.nanoTime();
        writeUsed(used);
        if (heapBefore >= 0) {
            Files.writeString(sibling(out, ".heap"), Long.toString((used - heapBefore) / intervals().length));
        }
        stamps.lateness(from, to, stopped, cpu, true).write(sibling(out, ".reanchored"));
        stamps.lateness(from, to, stopped, cpu, false).write(out);
        System.exit(0);
    }

    /** Makes what the measurements use (the process CPU time's MXBean) before any heap is measured. */
    private static void prepare() {
        processCpuNanos();
    }

    private static long lead() {
        return Long.getLong("bench.lead", 0);
    }

    private static long[] intervals() {
        int timers = Integer.getInteger("bench.timers");
        Long interval = Long.getLong("bench.interval");
        if (interval == null) {
            return Spread.intervalsNanos(timers);
        }
        long[] intervals = new long[timers];
        Arrays.fill(intervals, interval);
        return intervals;
    }

    private static void writeUsed(long bytes) throws IOException {
        Files.writeString(sibling(out(), ".used"), Long.toString(bytes));
    }

    private static Path out() {
        return Path.of(System.getProperty("bench.out"));
    }

    private static Path sibling(Path result, String suffix) {
        return result.resolveSibling(result.getFileName() + suffix);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Parks the calling thread until {@code System.nanoTime()} reaches {@code nanos}. */
    static void sleepUntil(long nanos) {
        for (long left; (left = nanos - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(left);
        }
    }

    /** The heap per timer a run wrote next to its result. */
    static long heapPerTimer(Path result) throws IOException {
        return Long.parseLong(Files.readString(sibling(result, ".heap")).trim());
    }

    /** The heap used at the end of a run, or of a baseline, written next to its result. */
    static long heapUsed(Path result) throws IOException {
        return Long.parseLong(Files.readString(sibling(result, ".used")).trim());
    }

    /** Made on the first call of {@link #stamps}, from the system properties. */
    private static final class Shared {
        static final Stamps STAMPS = new Stamps(intervals(),
                lead() + Long.getLong("bench.warmup") + Long.getLong("bench.window") + TimeUnit.SECONDS.toNanos(5));
    }
}
