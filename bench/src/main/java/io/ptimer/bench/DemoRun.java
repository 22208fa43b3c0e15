package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the samples' demos run in processes of its own: its command goes to {@code command} and
 * its output to {@code demo.log} in its directory, and its figures are the words of its
 * {@code figures NAME} line.
 */
final class DemoRun {
    private DemoRun() {
    }

    /** Why the SIP demos cannot run here: no SIPp, or the samples under {@code samples} not built; {@code null} if they can. */
    static String unavailable(Path samples) {
        return !Machine.onPath("sipp") ? "sipp is not installed (Debian: apt-get install sip-tester)"
                : !Files.isDirectory(samples.resolve("target/classes/io/ptimer/samples/sip"))
                        ? "the samples are not built under " + samples + " (mvn -B -ntp -DskipTests package)" : null;
    }

    /**
     * Runs {@code cmd} in {@code dir} for at most {@code timeoutSeconds} and returns its figures.
     *
     * @param what the demo, for the message when it outlives its time or prints no figures
     */
    static Map<String, String> figures(List<String> cmd, Path dir, String name, String what, long timeoutSeconds)
            throws IOException, InterruptedException {
        Files.writeString(dir.resolve("command"), String.join(" ", cmd) + "\n");
        Path log = dir.resolve("demo.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroy();
            p.waitFor(15, TimeUnit.SECONDS);
            throw new IOException(what + " outlived " + timeoutSeconds + " s: " + BenchJvm.tail(log));
        }
        String prefix = "figures " + name + " ";
        String figures = Files.readAllLines(log).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
        if (figures == null) {
            throw new IOException(what + " printed no figures (exit " + p.exitValue() + "): " + BenchJvm.tail(log));
        }
        Map<String, String> words = new HashMap<>();
        for (String w : figures.substring(prefix.length()).split(" ")) {
            int eq = w.indexOf('=');
            if (eq > 0) {
                words.put(w.substring(0, eq), w.substring(eq + 1));
            }
        }
        return words;
    }
}
