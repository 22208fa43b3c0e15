package io.ptimer.samples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Host application of the part {@code firstsecond}: the loop route of its one sync timer only stores
 * when it starts and when it ends, in memory ({@link Stamps}: no I/O, no allocation). {@code main}
 * waits until the loops cover {@code bench.seconds} from the first, writes the start and end times of
 * the loops that began within that span, a loop a line, to {@code bench.out}, and ends the JVM.
 */
public final class FirstSecondHost {
    private static final long SPAN = TimeUnit.SECONDS.toNanos(Long.getLong("bench.seconds"));
    /** Room for the span's loops and for those of the time main may take to see it is over. */
    private static final long ROOM = SPAN + TimeUnit.SECONDS.toNanos(10);
    private static final Stamps STAMPS = new Stamps(new long[] {FirstSecond.INTERVAL, FirstSecond.INTERVAL}, ROOM);

    private FirstSecondHost() {
    }

    public static void main(String[] args) throws Exception {
        long giveUp = System.nanoTime() + ROOM;
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(SPAN));
        long[] runs = STAMPS.runs(0);
        while ((runs.length == 0 || runs[runs.length - 1] - runs[0] < SPAN) && System.nanoTime() < giveUp) {
            Thread.sleep(100);
            runs = STAMPS.runs(0);
        }
        long[] ends = STAMPS.runs(1);
        long first = runs.length == 0 ? 0 : runs[0];
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(runs.length, ends.length) && runs[i] - first < SPAN; i++) {
            lines.add(runs[i] + " " + ends[i]);
        }
        Files.write(Path.of(System.getProperty("bench.out")), lines);
        System.exit(0);
    }

    /** The loop route. */
    public static void loop() {
        STAMPS.record(0, System.nanoTime());
        STAMPS.record(1, System.nanoTime());
    }
}
