package io.ptimer.samples.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The child side of the core-timers-at-scale part: schedules {@code bench.timers} periodic timers
 * with the intervals of {@link Spread}, each run storing its start in {@link Stamps}; measures,
 * after {@code bench.warmup} ns, the process's CPU time over {@code bench.window} ns, then the heap
 * the scheduler holds for the timers (heap after a full GC with the timers minus before them, the
 * timers' own tasks and stamps allocated before: no collection disturbs the warm-up or the
 * window); stops the timers and writes the {@link Result}
 * against the registration grid to {@code bench.out}, the one against a re-anchored grid to
 * {@code bench.out}{@code .reanchored}, and the heap per timer, in bytes, to
 * {@code bench.out}{@code .heap}.
 */
final class ScaleProbe {
    /** Time for the runs due by the end of the window to begin before the heap is measured. */
    private static final long SETTLE = TimeUnit.MILLISECONDS.toNanos(200);

    /** One scheduler under test. */
    interface Scheduler {
        /** Runs {@code tick} every {@code intervalNanos} from now on, first one interval from now. */
        void start(int timer, long intervalNanos, Runnable tick) throws Exception;

        /** Stops every timer; returns once no run is in progress or about to begin. */
        void stop() throws Exception;
    }

    private ScaleProbe() {
    }

    static void run(Scheduler scheduler) throws Exception {
        int timers = Integer.getInteger("bench.timers");
        long warmup = Long.getLong("bench.warmup");
        long window = Long.getLong("bench.window");
        Path out = Path.of(System.getProperty("bench.out"));
        long[] intervals = Spread.intervalsNanos(timers);
        Stamps stamps = new Stamps(intervals, warmup + window + TimeUnit.SECONDS.toNanos(5));
        Runnable[] ticks = new Runnable[timers];
        for (int i = 0; i < timers; i++) {
            int timer = i;
            ticks[i] = () -> stamps.record(timer, System.nanoTime());
        }

        long before = heapAfterGc();
        for (int i = 0; i < timers; i++) {
            stamps.started(i, System.nanoTime());
            scheduler.start(i, intervals[i], ticks[i]);
        }

        long from = System.nanoTime() + warmup;
        sleepUntil(from);
        long cpu = processCpuNanos();
        long to = from + window;
        sleepUntil(to);
        cpu = processCpuNanos() - cpu;
        sleepUntil(to + SETTLE);
        long heldBytes = heapAfterGc() - before;
        scheduler.stop();
        long stopped = System.nanoTime();
        Files.writeString(out.resolveSibling(out.getFileName() + ".heap"), Long.toString(heldBytes / timers));
        stamps.lateness(from, to, stopped, cpu, true).write(out.resolveSibling(out.getFileName() + ".reanchored"));
        stamps.lateness(from, to, stopped, cpu, false).write(out);
        System.exit(0);
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

    private static void sleepUntil(long nanos) {
        for (long left; (left = nanos - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(left);
        }
    }

    /** The heap per timer a run wrote next to its result. */
    static long heapPerTimer(Path result) throws IOException {
        return Long.parseLong(Files.readString(result.resolveSibling(result.getFileName() + ".heap")).trim());
    }
}
