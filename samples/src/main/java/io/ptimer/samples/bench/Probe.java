package io.ptimer.samples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The child side of a lateness run: its settings, from the system properties {@code bench.interval}
 * (ns), {@code bench.warmup}, {@code bench.loops} and {@code bench.out}, and the hand-over of the
 * {@link Result} to the benchmark through the file {@code bench.out}.
 */
final class Probe {
    private static final CountDownLatch FINISHED = new CountDownLatch(1);

    private Probe() {
    }

    static long intervalNanos() {
        return Long.getLong("bench.interval");
    }

    static Lateness lateness(Lateness.Grid grid) {
        return new Lateness(intervalNanos(), Integer.getInteger("bench.warmup"), Integer.getInteger("bench.loops"),
                grid);
    }

    /** Writes the result for the benchmark and lets {@link #await} return. */
    static void finish(Result result) {
        try {
            result.write(Path.of(System.getProperty("bench.out")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FINISHED.countDown();
        }
    }

    /** Waits for {@link #finish}, then ends the JVM: status 0, or 3 when it did not come in time. */
    static void awaitAndExit() throws InterruptedException {
        long limit = intervalNanos() * (Integer.getInteger("bench.warmup") + Integer.getInteger("bench.loops")) * 4
                + TimeUnit.SECONDS.toNanos(30);
        boolean done = FINISHED.await(limit, TimeUnit.NANOSECONDS);
        if (!done) {
            System.err.println("bench: no result within " + TimeUnit.NANOSECONDS.toSeconds(limit) + " s");
        }
        System.exit(done ? 0 : 3);
    }
}
