package io.ptimer.cluster.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of the cluster under test: {@link ClusterHost} with the agent and a configuration that
 * shares timer {@code q} (100 ms, 100 tasks in 10 slices) in cluster {@code carrier}. Collects
 * its loops, {@code {ns since the epoch, tasks}}, as they are printed.
 */
final class Proxy {
    static final long STEP_NANOS = 100_000_000;
    static final int STEP_BUDGET = 10;
    final String bind;
    private final Process process;
    private final Path stderr;
    private final List<long[]> loops = new ArrayList<>();
    private volatile String mbean = "";
    private final List<String> partitions = new ArrayList<>();

    private Proxy(String bind, Process process, Path stderr) {
        this.bind = bind;
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::read, "proxy-" + bind);
        reader.setDaemon(true);
        reader.start();
    }

    static Proxy start(Path dir, String bind, List<String> voters) throws IOException {
        return start(dir, bind, voters, List.of(), Map.of());
    }

    /** A JVM whose cluster entry has {@code attributes} more, e.g. {@code clock_bound=4ms}. */
    static Proxy start(Path dir, String bind, List<String> voters, String attributes) throws IOException {
        return start(dir, bind, voters, List.of(), Map.of(), ";" + attributes);
    }

    /**
     * A JVM with extra options (e.g. {@code -Dptimer.cluster.faultInjection=true}) and extra
     * environment variables (e.g. libfaketime's).
     */
    static Proxy start(Path dir, String bind, List<String> voters, List<String> options, Map<String, String> env)
            throws IOException {
        return start(dir, bind, voters, options, env, "");
    }

    /** A JVM with extra options and environment variables whose cluster entry has {@code attributes} (";a=b") more. */
    static Proxy start(Path dir, String bind, List<String> voters, List<String> options, Map<String, String> env,
            String attributes) throws IOException {
        Path config = dir.resolve("proxy-" + bind.replace(':', '-') + ".cfg");
        Files.writeString(config, "modparam(\"ptimer\", \"cluster\", \"name=carrier;bind=" + bind + ";members="
                + String.join(",", voters) + ";jar=" + System.getProperty("ptimer.cluster.jar") + attributes + "\")\n"
                + "modparam(\"ptimer\", \"timer\", \"name=q;type=3;interval=100ms;ntasks=100;nslices=10;cluster=carrier\")\n"
                + "modparam(\"ptimer\", \"loop\", \"timer=q;route=" + ClusterHost.Routes.class.getName() + "::loop\")\n");
        Path err = dir.resolve("proxy-" + bind.replace(':', '-') + ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx96m", "-XX:+UseSerialGC"));
        command.addAll(options);
        command.addAll(List.of("-javaagent:" + System.getProperty("ptimer.agent.jar") + "=config=" + config,
                "-cp", System.getProperty("ptimer.test.classpath"), ClusterHost.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        builder.environment().putAll(env);
        return new Proxy(bind, builder.start(), err);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("cluster ")) {
                    mbean = line;
                } else if (line.startsWith("partition ")) {
                    synchronized (partitions) {
                        partitions.add(line);
                        partitions.notifyAll();
                    }
                } else if (line.startsWith("loop ")) {
                    String[] w = line.split(" ");
                    synchronized (loops) {
                        loops.add(new long[] {Long.parseLong(w[1]), Long.parseLong(w[3])});
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed
        }
    }

    /** The loops so far: {ns since the epoch, tasks}. */
    List<long[]> loops() {
        synchronized (loops) {
            return new ArrayList<>(loops);
        }
    }

    /** The last line about its cluster MBean: {@code cluster role=... leader=... sending=... because=...}. */
    String mbean() {
        return mbean;
    }

    /** Cuts this JVM off from the others, or heals the cut, through its cluster MBean; returns the outcome. */
    String partition(boolean cut) throws IOException, InterruptedException {
        synchronized (partitions) {
            int before = partitions.size();
            process.getOutputStream().write(("partition " + cut + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (partitions.size() == before && System.nanoTime() < deadline) {
                partitions.wait(1000);
            }
            return partitions.size() == before ? "no answer" : partitions.get(before);
        }
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Closes the host's standard input: its main ends, and the JVM must then end by itself. */
    boolean endsWhenMainEnds(int seconds) throws IOException, InterruptedException {
        process.getOutputStream().close();
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** Sends {@code kill -<signal>} to the JVM, e.g. {@code STOP} and {@code CONT}. */
    void signal(String signal) throws IOException, InterruptedException {
        Process k = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        if (k.waitFor() != 0) {
            throw new IOException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String stderr() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            return "(its standard error cannot be read: " + e + ")";
        }
    }

    /** The step a loop printed at {@code wall} spent: loops begin just after their step's start, on the leader's clock. */
    static long step(long wall) {
        return Math.floorDiv(wall + 2_000_000, STEP_NANOS);
    }
}
