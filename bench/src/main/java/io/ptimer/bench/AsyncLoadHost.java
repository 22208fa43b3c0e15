package io.ptimer.bench;

import io.netty.util.HashedWheelTimer;
import io.ptimer.api.Async;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The child side of the async part: one timer ({@code bench.timer}: {@code agent} through
 * {@code Async.msRoute}, {@code stpe}, {@code hwt}) holding {@code bench.pending} one-shot routes of
 * random delays from 1 ms to 30 s, each replaced by a new one when it runs, so the load stays. The
 * lateness of those due within the recorded window ({@code bench.window} ms after {@code bench.warmup}
 * ms) and the heap per pending route go to {@code bench.out}. With {@code bench.part=throughput} it
 * runs rounds of {@code bench.tasks} tasks on four workers instead, an async group and a plain
 * ThreadPoolExecutor taking turns in this one JVM.
 */
public final class AsyncLoadHost {
    static final int MAX_DELAY_MILLIS = 30_000;
    static final int WORKERS = 4;
    /** Measured rounds of each pool in the throughput run, after the warm-up; the median is reported. */
    static final int THROUGHPUT_ROUNDS = 5;
    static final String GROUP = "bench";
    private static final String ROUTE = AsyncLoadHost.class.getName() + "::";

    /** The dues of the agent's pending routes, smallest first: the async timer runs them in that order. */
    private static final LongHeap DUES = new LongHeap();
    private static final Histogram LATENESS = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private static final LongAdder TASKS = new LongAdder();
    private static volatile Timer timer;
    private static long windowStart;
    private static long windowEnd;

    private AsyncLoadHost() {
    }

    /** Schedules {@code task} at {@code due}. */
    private interface Timer {
        void schedule(long due, int delayMillis);
    }

    public static void main(String[] args) throws Exception {
        String kind = System.getProperty("bench.timer");
        Path out = Path.of(System.getProperty("bench.out"));
        Properties result = new Properties();
        if ("throughput".equals(System.getProperty("bench.part"))) {
            throughput(Integer.getInteger("bench.tasks"), result);
        } else {
            lateness(kind, Integer.getInteger("bench.pending"), result);
        }
        try (Writer w = Files.newBufferedWriter(out)) {
            result.store(w, "async " + kind);
        }
        System.exit(0);
    }

    private static void lateness(String kind, int pending, Properties result) throws Exception {
        timer = switch (kind) {
            case "agent", "agent-sleep" -> (due, delay) -> {
                synchronized (DUES) {
                    DUES.push(due);
                }
                Async.msRoute(ROUTE + "fire", delay);
            };
            case "stpe" -> {
                ScheduledThreadPoolExecutor stpe = new ScheduledThreadPoolExecutor(1);
                yield (due, delay) -> stpe.schedule(() -> ran(due), delay, TimeUnit.MILLISECONDS);
            }
            case "hwt" -> {
                HashedWheelTimer wheel = new HashedWheelTimer(1, TimeUnit.MILLISECONDS);
                wheel.start();
                yield (due, delay) -> wheel.newTimeout(t -> ran(due), delay, TimeUnit.MILLISECONDS);
            }
            default -> throw new IllegalArgumentException(kind);
        };
        long warmup = TimeUnit.MILLISECONDS.toNanos(Long.getLong("bench.warmup"));
        long window = TimeUnit.MILLISECONDS.toNanos(Long.getLong("bench.window"));
        long heapBefore = heapUsed();
        long start = System.nanoTime();
        windowStart = start + warmup;
        windowEnd = windowStart + window;
        for (int i = 0; i < pending; i++) {
            scheduleOne();
        }
        long heapAfter = heapUsed();
        long bookkeeping = kind.startsWith("agent") ? DUES.bytes() : 0;
        result.setProperty("heapPerPending", Double.toString((heapAfter - heapBefore - bookkeeping) / (double) pending));
        TimeUnit.NANOSECONDS.sleep(Math.max(0, windowEnd + TimeUnit.MILLISECONDS.toNanos(200) - System.nanoTime()));
        Histogram h;
        synchronized (LATENESS) {
            h = LATENESS.copy();
        }
        Result r = new Result(h, h.getTotalCount(), 0, 0, 0, 0, 0, -1, -1);
        Path histogram = Path.of(System.getProperty("bench.out") + ".histogram");
        r.write(histogram);
        result.setProperty("histogram", histogram.toString());
    }

    private static void scheduleOne() {
        int delay = 1 + ThreadLocalRandom.current().nextInt(MAX_DELAY_MILLIS);
        timer.schedule(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay), delay);
    }

    /** The agent's route: the smallest pending due is this run's. */
    public static void fire() {
        long due;
        synchronized (DUES) {
            due = DUES.pop();
        }
        ran(due);
    }

    private static void ran(long due) {
        long now = System.nanoTime();
        if (due - windowStart >= 0 && due - windowEnd < 0) {
            synchronized (LATENESS) {
                LATENESS.recordValue(Math.max(0, now - due));
            }
        }
        scheduleOne();
    }

    /** The agent's task route. */
    public static void task() {
        TASKS.increment();
    }

    /**
     * The async group and a plain ThreadPoolExecutor side by side: rounds of {@code tasks} tasks taking
     * turns, first through the warm-up ({@code bench.warmup} ms, at least one round each), then
     * {@value #THROUGHPUT_ROUNDS} measured rounds each; the median rate of each goes to {@code result}.
     */
    private static void throughput(int tasks, Properties result) throws InterruptedException {
        String route = ROUTE + "task";
        Runnable group = () -> Async.taskGroupRoute(route, GROUP);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), (r, executor) -> {
                    try {
                        executor.getQueue().put(r);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        pool.prestartAllCoreThreads();
        Runnable plain = () -> pool.execute(AsyncLoadHost::task);
        long warmupEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.getLong("bench.warmup"));
        do {
            rate(group, Math.max(tasks, 10_000));
            rate(plain, Math.max(tasks, 10_000));
        } while (System.nanoTime() - warmupEnd < 0);
        double[] groupRates = new double[THROUGHPUT_ROUNDS];
        double[] plainRates = new double[THROUGHPUT_ROUNDS];
        for (int i = 0; i < THROUGHPUT_ROUNDS; i++) {
            groupRates[i] = rate(group, tasks);
            plainRates[i] = rate(plain, tasks);
        }
        result.setProperty("agent", Double.toString(median(groupRates)));
        result.setProperty("tpe", Double.toString(median(plainRates)));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Submits {@code tasks} tasks and waits for them to run: tasks per second. */
    private static double rate(Runnable submit, int tasks) throws InterruptedException {
        TASKS.reset();
        long start = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            submit.run();
        }
        await(tasks);
        return tasks / ((System.nanoTime() - start) / 1e9);
    }

    private static void await(long tasks) throws InterruptedException {
        while (TASKS.sum() < tasks) {
            Thread.sleep(1);
        }
    }

    private static long heapUsed() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A binary min-heap of longs, without boxing. Not thread-safe. */
    static final class LongHeap {
        private long[] values = new long[1024];
        private int size;

        void push(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            int i = size++;
            while (i > 0 && values[(i - 1) >>> 1] - v > 0) {
                values[i] = values[(i - 1) >>> 1];
                i = (i - 1) >>> 1;
            }
            values[i] = v;
        }

        long pop() {
            long top = values[0];
            long last = values[--size];
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int c = 2 * i + 1;
                if (c + 1 < size && values[c + 1] - values[c] < 0) {
                    c++;
                }
                if (last - values[c] <= 0) {
                    break;
                }
                values[i] = values[c];
                i = c;
            }
            values[i] = last;
            return top;
        }

        long bytes() {
            return 16L + 8L * values.length;
        }
    }
}
