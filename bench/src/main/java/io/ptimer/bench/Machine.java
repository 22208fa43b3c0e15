package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A line on where the benchmark ran: cores, load, kernel and JVM, so a reader can judge the noise. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average " + read("/proc/loadavg")
                + ", kernel " + System.getProperty("os.version") + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ".";
    }

    /** How long the pause probe reads the clock, in ns. */
    private static final long PROBE_NANOS = 2_000_000_000L;

    /**
     * What the machine takes from a thread that has work: one thread does nothing but read the clock
     * for 2 s, and every gap between two readings of 20 µs or more is a time the machine (another
     * process, the hypervisor, an interrupt) ran something else on its core. Every timer here is late
     * by such a gap when its due time falls in it, whatever its own code does.
     */
    static String pauses() {
        long atLeast20 = 0;
        long atLeast160 = 0;
        long longest = 0;
        long start = System.nanoTime();
        long last = start;
        for (;;) {
            long now = System.nanoTime();
            long gap = now - last;
            last = now;
            if (gap >= 20_000) {
                atLeast20++;
                if (gap >= 160_000) {
                    atLeast160++;
                }
                longest = Math.max(longest, gap);
            }
            if (now - start >= PROBE_NANOS) {
                break;
            }
        }
        double seconds = (last - start) / 1e9;
        return String.format(java.util.Locale.ROOT, "Pauses the machine takes: a thread that only reads the clock"
                + " for 2 s missed 20 µs or more %.0f times a second, 160 µs or more %.0f times a second, at most %,d µs.",
                atLeast20 / seconds, atLeast160 / seconds, longest / 1000);
    }

    /** The load average now, for the end of a run. */
    static String load() {
        return "Load average at the end: " + read("/proc/loadavg") + ".";
    }

    /** Whether {@code program} is an executable file in a directory of the PATH. */
    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String read(String file) {
        try {
            String[] fields = Files.readString(Path.of(file)).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
