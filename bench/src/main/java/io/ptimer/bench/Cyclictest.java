package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The operating system's reference: {@code cyclictest} (Debian's rt-tests), one thread,
 * SCHED_OTHER, absolute clock_nanosleep on a fixed grid, default timer slack, and without
 * setting {@code /dev/cpu_dma_latency} (no JVM runner does). Every sample is read in ns
 * ({@code -v -N}); the first {@code warmup} are dropped. CPU is the process's user + system
 * time, pro rata for the recorded loops.
 */
final class Cyclictest implements Runner {
    private static final Pattern SAMPLE = Pattern.compile("^\\s*0:\\s*(\\d+):\\s*(\\d+)\\s*$");
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

    @Override
    public String name() {
        return "cyclictest";
    }

    @Override
    public String unavailable() {
        return Machine.onPath("cyclictest") ? null
                : "cyclictest is not installed (Debian: apt-get install rt-tests); the OS reference is skipped";
    }

    @Override
    public Result run(long intervalNanos, int warmup, int loops, Path dir) throws IOException, InterruptedException {
        long micros = TimeUnit.NANOSECONDS.toMicros(intervalNanos);
        String cmd = "cyclictest --policy=other --laptop -q -d 0 -v -N -i " + micros + " -l " + (warmup + loops)
                + "; status=$?; times; exit $status";
        Path log = dir.resolve("cyclictest-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        Duration timeout = Duration.ofNanos(intervalNanos * (warmup + loops) * 4).plusSeconds(60);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IOException("cyclictest outlived " + timeout.toSeconds() + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("cyclictest exited with " + p.exitValue() + ": " + BenchJvm.tail(log));
        }
        return parse(Files.readAllLines(log), intervalNanos, warmup);
    }

    static Result parse(List<String> lines, long intervalNanos, int warmup) throws IOException {
        Histogram histogram = Result.empty().histogram();
        long recorded = 0;
        long overruns = 0;
        long last = 0;
        long cpu = 0;
        int timesLine = 0;
        for (String line : lines) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches()) {
                if (Long.parseLong(m.group(1)) < warmup) {
                    continue;
                }
                last = Long.parseLong(m.group(2));
                histogram.recordValue(last);
                recorded++;
                if (last >= intervalNanos) {
                    overruns++;
                }
                continue;
            }
            Matcher t = TIMES.matcher(line);
            if (t.find() && ++timesLine == 2) {
                cpu = seconds(t.group(1), t.group(2)) + seconds(t.group(3), t.group(4));
            }
        }
        if (recorded == 0) {
            throw new IOException("cyclictest printed no samples");
        }
        long ownShare = cpu * recorded / (recorded + warmup);
        return new Result(histogram, recorded, overruns, 0, last, ownShare, recorded * intervalNanos, -1, -1);
    }

    private static long seconds(String minutes, String seconds) {
        return (long) ((Long.parseLong(minutes) * 60 + Double.parseDouble(seconds)) * 1e9);
    }
}
