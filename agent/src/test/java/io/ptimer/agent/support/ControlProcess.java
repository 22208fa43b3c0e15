package io.ptimer.agent.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.tools.attach.VirtualMachine;
import io.ptimer.agent.jmx.MBeanNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A long-running host JVM for the control ITs, whose output is read while it runs; and the
 * operator's tools (the agent's command line, jmxterm) run against it as separate JVMs.
 */
public final class ControlProcess implements AutoCloseable {
    public static final String H = "io.ptimer.agent.hosts.";
    private final Process process;
    private final List<String> out = Collections.synchronizedList(new ArrayList<>());
    private final StringBuffer err = new StringBuffer();

    private ControlProcess(List<String> command) throws IOException {
        process = new ProcessBuilder(command).start();
        pump(process.getInputStream(), out::add);
        pump(process.getErrorStream(), line -> err.append(line).append('\n'));
    }

    /** Starts {@code ControlHost} in a JVM made by {@code jvm}. */
    public static ControlProcess start(ChildJvm jvm) throws IOException {
        return start(jvm, H + "ControlHost");
    }

    /** Starts {@code mainClass} with {@code args} in {@code jvm}. */
    public static ControlProcess start(ChildJvm jvm, String mainClass, String... args) throws IOException {
        return new ControlProcess(jvm.command(mainClass, args));
    }

    /** The timer entries for a timer running {@code ControlRoutes} start, loop and end. */
    public static String timer(String name, String attrs) {
        String r = ";route=" + H + "ControlRoutes::";
        return "timer=name=" + name + ";" + attrs + ",start=timer=" + name + r + "start,loop=timer=" + name + r
                + "loop,end=timer=" + name + r + "end";
    }

    private static void pump(InputStream in, java.util.function.Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits for the host to end by itself. @throws AssertionError when it has not within {@code timeout} */
    public void awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the host did not end within " + timeout + "\n" + this);
        }
    }

    public String stderr() {
        return err.toString();
    }

    /** How many lines have been printed so far; a mark for {@link #since}. */
    public int mark() {
        return out.size();
    }

    /** The lines printed since {@code mark} that start with {@code prefix}. */
    public List<String> since(int mark, String prefix) {
        synchronized (out) {
            List<String> found = new ArrayList<>();
            for (String line : out.subList(mark, out.size())) {
                if (line.startsWith(prefix)) {
                    found.add(line);
                }
            }
            return found;
        }
    }

    /** Waits until a line starting with {@code prefix} has been printed since {@code mark}. */
    public String await(int mark, String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            List<String> found = since(mark, prefix);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line \"" + prefix + "...\" within " + timeout + "\n" + this);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits until a line matching {@code wanted} has been printed since {@code mark}; returns the
     * mark just after it, so that {@link #since} shows only what was printed after that line.
     */
    public int awaitMatch(int mark, java.util.function.Predicate<String> wanted, String what, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            synchronized (out) {
                for (int i = mark; i < out.size(); i++) {
                    if (wanted.test(out.get(i))) {
                        return i + 1;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line showing " + what + " within " + timeout + "\n" + this);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits until loops of {@code timer} have run and the agent's MBeans are up. Like an operator's
     * first JMX client, it has the host start its local management agent, which makes the platform
     * MBean server if nothing has yet. When they do not come, it ends the host, which no
     * try-with-resources holds yet.
     */
    public ControlProcess awaitReady(String timer) throws Exception {
        try {
            await(0, "EV loop " + timer + " ", Duration.ofSeconds(20));
            try (JMXConnector c = connectJmx()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!c.getMBeanServerConnection().isRegistered(MBeanNames.manager())) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("no MBean " + MBeanNames.manager() + " within 5 s\n" + this);
                    }
                    Thread.sleep(20);
                }
            }
            return this;
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    /** A JMX connection to the host through its local management agent, started over attach as JConsole does. */
    public JMXConnector connectJmx() throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid()));
        try {
            return JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
        } finally {
            vm.detach();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public String toString() {
        synchronized (out) {
            int from = Math.max(0, out.size() - 60);
            return "host " + pid() + (alive() ? " (running)" : " (ended)") + ", last stdout lines:\n"
                    + String.join("\n", out.subList(from, out.size())) + "\n--- stderr\n" + err;
        }
    }

    /** What a tool printed. */
    public record Run(int exit, String stdout, String stderr) {
        /** Both streams, stdout first. */
        public String all() {
            return stdout + stderr;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** Runs a command to its end (at most a minute). */
    public static Run exec(List<String> command) throws IOException, InterruptedException {
        Path o = Files.createTempFile("ptimer-tool", ".out");
        Path e = Files.createTempFile("ptimer-tool", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(o.toFile()).redirectError(e.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("did not end within a minute: " + command);
            }
            return new Run(p.exitValue(), Files.readString(o), Files.readString(e));
        } finally {
            Files.deleteIfExists(o);
            Files.deleteIfExists(e);
        }
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java -jar ptimer-agent.jar ARGS}. */
    public static Run cli(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", ChildJvm.agentJar().toString()));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    /** Runs jmxterm on the host with {@code open <pid>} followed by {@code commands}. */
    public Run jmxterm(String... commands) throws IOException, InterruptedException {
        Path script = Files.createTempFile("ptimer-jmxterm", ".txt");
        try {
            List<String> lines = new ArrayList<>();
            lines.add("open " + pid());
            lines.addAll(List.of(commands));
            Files.write(script, lines);
            String jar = System.getProperty("ptimer.jmxterm.jar", "target/tools/jmxterm.jar");
            return exec(List.of(java(), "--add-exports", "jdk.jconsole/sun.tools.jconsole=ALL-UNNAMED", "-jar", jar,
                    "-n", "-v", "brief", "-i", script.toString()));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Asserts that the predicate holds for the host's output within five seconds. */
    public void eventually(String what, Predicate<ControlProcess> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.test(this)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + "\n" + this);
            }
            Thread.sleep(20);
        }
    }

    public static void assertExit(int expected, Run run) {
        assertEquals(expected, run.exit(), run::toString);
    }
}
