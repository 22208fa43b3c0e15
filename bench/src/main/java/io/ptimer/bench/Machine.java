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
