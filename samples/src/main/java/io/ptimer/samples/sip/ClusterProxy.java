package io.ptimer.samples.sip;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * One {@link ShapingProxy} JVM of the cluster demo and the SIPp customer that floods it: its log
 * (the proxy's rows, its {@code cluster} lines and its {@code figures proxy} line) and, once the
 * customer is done, SIPp's own counts of its calls.
 */
final class ClusterProxy {
    private static final String CLUSTER_MBEAN = "io.ptimer:type=Cluster,name=carrier";
    private static final String REFUSAL = "sends nothing: ";
    final int number;
    final String name;
    final String bind;
    final int sipPort;
    /** How far ahead its wall clock runs (libfaketime), 0 for a true clock. */
    final int skewMillis;
    private final Process process;
    private final Path log;
    private Process customer;
    private int calls;
    private Path stats;
    private boolean killed;
    private JMXConnector jmx;

    ClusterProxy(int number, String name, String bind, int sipPort, int skewMillis, Process process, Path log) {
        this.number = number;
        this.name = name;
        this.bind = bind;
        this.sipPort = sipPort;
        this.skewMillis = skewMillis;
        this.process = process;
        this.log = log;
    }

    void flooded(Process customer, int calls, Path stats) {
        this.customer = customer;
        this.calls = calls;
        this.stats = stats;
    }

    boolean alive() {
        return !killed && process.isAlive();
    }

    /** Whether it lived to the end of the run (its calls are then all accounted for). */
    boolean survived() {
        return !killed;
    }

    /** {@code kill -9} of the proxy; its customer is stopped too (its calls are not counted). */
    void kill() throws InterruptedException {
        killed = true;
        disconnect();
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        if (customer != null) {
            customer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Connects to the proxy's JVM as JConsole would, attached to it, and keeps the connection:
     * starting the JVM's management agent takes a second or two, done ahead of a partition.
     */
    void connect() throws IOException {
        if (jmx != null) {
            return;
        }
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(process.pid()));
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to " + name + ": " + e.getMessage(), e);
        }
        jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
    }

    /**
     * Cuts the proxy's cluster node off from the others, or heals the cut, through its cluster
     * MBean's fault-injection operation (the proxy runs with it on). Returns the operation's answer.
     */
    String partition(boolean cut) throws IOException, JMException {
        connect();
        return String.valueOf(jmx.getMBeanServerConnection().invoke(new ObjectName(CLUSTER_MBEAN), "partition",
                new Object[] {cut}, new String[] {"boolean"}));
    }

    /**
     * Sets its shaping timer's {@code assignment} ({@code ntasks=60}) with the agent's command line,
     * as an operator would; returns what the command said.
     *
     * @throws IOException with the command's output when it failed
     */
    String set(Path agentJar, String assignment) throws IOException, InterruptedException {
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                agentJar.toString(), String.valueOf(process.pid()), "set", "queue_timer", assignment)
                .redirectErrorStream(true).start();
        String said = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!cli.waitFor(60, TimeUnit.SECONDS) || cli.exitValue() != 0) {
            throw new IOException(name + ": set queue_timer " + assignment + " failed: " + said);
        }
        return said;
    }

    /**
     * Why the proxy last said it sends nothing because of its clock, from its log; else the last
     * reason it gave, or "nothing said".
     */
    String refusal() throws IOException {
        String why = "nothing said";
        String clock = null;
        for (String line : lines()) {
            int at = line.indexOf(REFUSAL);
            if (at >= 0) {
                why = line.substring(at + REFUSAL.length());
                clock = why.startsWith("clock offset") ? why : clock;
            }
        }
        return clock != null ? clock : why;
    }

    /** Waits for the customer to end by itself; stops it after {@code seconds}. */
    void awaitCustomer(int seconds) throws InterruptedException {
        if (customer != null && !killed && !customer.waitFor(seconds, TimeUnit.SECONDS)) {
            customer.destroy();
            customer.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Stops the proxy with SIGTERM, so that it prints its figures. */
    void stop() throws InterruptedException {
        disconnect();
        if (process.isAlive()) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void disconnect() {
        if (jmx != null) {
            try {
                jmx.close();
            } catch (IOException e) {
                // the JVM is going away
            }
            jmx = null;
        }
    }

    void awaitLine(String text, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (lines().stream().noneMatch(l -> l.contains(text))) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException(name + " did not print \"" + text + "\" within " + seconds + " s:\n"
                        + String.join("\n", lines()));
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the proxy's last cluster line says it sends. */
    void awaitSending(int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!cluster().contains("sending yes")) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException(name + " does not send within " + seconds + " s:\n"
                        + String.join("\n", lines()));
            }
            Thread.sleep(200);
        }
    }

    /** The leader its last cluster line names, or "none". */
    String leader() throws IOException {
        String c = cluster();
        int at = c.indexOf(", leader ");
        return at < 0 ? "none" : c.substring(at + 9, c.indexOf(',', at + 9));
    }

    private String cluster() throws IOException {
        List<String> lines = lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("cluster ")) {
                return lines.get(i);
            }
        }
        return "";
    }

    /** The words of its {@code figures proxy} line; empty for a proxy killed. */
    Map<String, String> figures() throws IOException {
        Map<String, String> words = new HashMap<>();
        for (String line : lines()) {
            if (line.startsWith("figures proxy ")) {
                for (String w : line.split(" ")) {
                    int eq = w.indexOf('=');
                    if (eq > 0) {
                        words.put(w.substring(0, eq), w.substring(eq + 1));
                    }
                }
            }
        }
        return words;
    }

    /** The calls its customer made. */
    int calls() {
        return calls;
    }

    /** SIPp's count in {@code column} of the customer's statistics ({@code SuccessfulCall(C)}...), -1 if unknown. */
    long customerStat(String column) {
        return stats == null ? -1 : SippTrace.lastStat(stats, column);
    }

    int customerExit() {
        return customer == null || customer.isAlive() ? -1 : customer.exitValue();
    }

    private List<String> lines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1) : List.of();
    }
}
