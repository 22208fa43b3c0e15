package io.ptimer.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A sample run in its own JVM with the built agent jar and its configuration file, the way the
 * docs tell a user to run it. Its output is read back as the {@code figures} lines it prints.
 */
final class SampleRun {
    private final Process process;
    private final Path out;
    private final Path err;

    private SampleRun(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static Path agentJar() {
        Path jar = Path.of(System.getProperty("ptimer.agent.jar", "../agent/target/ptimer-agent.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the agent jar is built first: " + jar);
        return jar;
    }

    static Path config(String name) {
        return Path.of(System.getProperty("ptimer.samples.config", "config"), name).toAbsolutePath();
    }

    /**
     * Skips the calling test where {@code sipp} is not on the PATH, except with {@code CI=true},
     * where that fails it: CI installs SIPp.
     */
    static void assumeSipp() {
        Tools.requireOnPath("sipp", "Debian and Ubuntu: apt-get install sip-tester", "SIP demo");
    }

    static String classpath() {
        return System.getProperty("ptimer.samples.classpath", "target/classes");
    }

    /** Starts {@code mainClass} with {@code -javaagent:ptimer-agent.jar=config=<config>}. */
    static SampleRun start(String config, String mainClass, String... args) throws IOException {
        return start(List.of("-javaagent:" + agentJar() + "=config=" + config(config)), mainClass, args);
    }

    /** Starts {@code mainClass} without the agent: a program that starts JVMs with it itself. */
    static SampleRun startPlain(String mainClass, String... args) throws IOException {
        return start(List.of(), mainClass, args);
    }

    private static SampleRun start(List<String> jvmOptions, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classpath(), mainClass));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("sample", ".out");
        Path err = Files.createTempFile("sample", ".err");
        out.toFile().deleteOnExit();
        err.toFile().deleteOnExit();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new SampleRun(p, out, err);
    }

    long pid() {
        return process.pid();
    }

    /** What the sample has printed so far. */
    String stdout() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Waits until stdout has a line starting with {@code prefix}, and returns it. */
    String awaitLine(String prefix, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : stdout().lines().toList()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line starting with \"" + prefix + "\"\n" + this);
    }

    /**
     * Waits for the sample to end by itself and returns its exit status; kills it, and the
     * processes it started, after {@code timeout}.
     */
    int await(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("the sample did not end within " + timeout + "\n" + this);
        }
        return process.exitValue();
    }

    /** The {@code key=value} words of the {@code figures [name]} line. */
    Map<String, String> figures(String name) throws IOException {
        String prefix = name == null ? "figures " : "figures " + name + " ";
        String line = stdout().lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no \"" + prefix + "\" line\n" + this));
        Map<String, String> figures = new HashMap<>();
        for (String word : line.split(" ")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                figures.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return figures;
    }

    static long num(Map<String, String> figures, String key) {
        return Math.round(dbl(figures, key));
    }

    static double dbl(Map<String, String> figures, String key) {
        String v = figures.get(key);
        if (v == null) {
            throw new AssertionError("no figure " + key + " in " + figures);
        }
        return Double.parseDouble(v);
    }

    void destroy() {
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        try {
            return "--- stdout\n" + stdout() + "--- stderr\n" + Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
