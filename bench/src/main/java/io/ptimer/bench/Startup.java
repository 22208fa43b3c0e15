package io.ptimer.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Start-up cost: the time from launching a JVM to its {@code main} printing a line, without an
 * agent, with a no-op agent (what any {@code -javaagent} costs the JVM), with this agent and one sync
 * timer, and with two peer agents that publish the JVM's MBeans over HTTP, Jolokia and Prometheus'
 * jmx_exporter, each on a free port of 127.0.0.1. Each round launches every variant once, in an
 * order rotated each round; medians of {@code runs} each. Every launch's output is kept in
 * {@code startup-<variant>.log}.
 */
final class Startup {
    static final String NONE = "none";
    static final String NO_OP = "no-op";
    static final String PTIMER = "ptimer";
    static final String JOLOKIA = "jolokia";
    static final String PROMETHEUS = "jmx-exporter";
    static final String JOLOKIA_JAR = "jolokia-agent-jvm-javaagent.jar";
    static final String PROMETHEUS_JAR = "jmx_prometheus_javaagent.jar";
    /** The no-op agent's class: in the default package, a name no class path holds. */
    static final String NOOP_AGENT = "PtimerBenchNoopAgent";

    /** One variant's launch times in ms, one per run, or why it was skipped ({@code skipped} null when it ran). */
    record Times(String label, List<Double> ms, String skipped) {
        double median() {
            List<Double> sorted = new ArrayList<>(ms);
            Collections.sort(sorted);
            int n = sorted.size();
            return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    /** A fresh command for each launch of a variant: a peer agent gets a port that is free just then. */
    private interface Launch {
        BenchJvm next() throws IOException;
    }

    /** One way of launching the host, or why it cannot run here ({@code launch} null). */
    private record Variant(String key, String label, Launch launch, String unavailable) {
    }

    private Startup() {
    }

    /** Launches each variant once unrecorded, then {@code runs} times; keyed by {@link #NONE} and the others. */
    static Map<String, Times> measure(Path agentJar, Path peerAgents, int runs, Path dir)
            throws IOException, InterruptedException {
        List<Variant> variants = variants(agentJar, peerAgents, dir);
        Map<String, List<Double>> times = new LinkedHashMap<>();
        List<Variant> runnable = variants.stream().filter(v -> v.launch() != null).toList();
        for (Variant v : runnable) {
            times.put(v.key(), new ArrayList<>());
            Files.deleteIfExists(log(dir, v));
            once(v, dir);
        }
        for (int round = 0; round < runs; round++) {
            for (int i = 0; i < runnable.size(); i++) {
                Variant v = runnable.get((i + round) % runnable.size());
                times.get(v.key()).add(once(v, dir));
            }
        }
        Map<String, Times> all = new LinkedHashMap<>();
        for (Variant v : variants) {
            all.put(v.key(), new Times(v.label(), times.getOrDefault(v.key(), List.of()), v.unavailable()));
        }
        return all;
    }

    private static List<Variant> variants(Path agentJar, Path peerAgents, Path dir) throws IOException {
        String host = StartupHost.class.getName();
        Path config = dir.resolve("startup.cfg");
        Files.writeString(config, "modparam(\"ptimer\", \"timer\", \"name=startup;type=1;interval=1s\")\n"
                + "modparam(\"ptimer\", \"loop\", \"timer=startup;route=" + host + "::tick\")\n");
        Path noop = noopAgentJar(dir);
        Path exporterConfig = dir.resolve("startup-jmx-exporter.yaml");
        Files.writeString(exporterConfig, "rules:\n- pattern: \".*\"\n");
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(NONE, "no agent", () -> BenchJvm.plain(List.of(), host), null));
        variants.add(new Variant(NO_OP, "no-op agent (empty premain)",
                () -> BenchJvm.withJavaagent(noop, null, List.of(), host), null));
        variants.add(new Variant(PTIMER, "ptimer agent, one sync timer",
                () -> BenchJvm.withAgent(agentJar, config, List.of(), host), null));
        Path jolokia = peerAgents.toAbsolutePath().resolve(JOLOKIA_JAR);
        variants.add(peer(JOLOKIA, "Jolokia JVM agent", jolokia, "META-INF/maven/org.jolokia/jolokia-agent-jvm/pom.properties",
                () -> BenchJvm.withJavaagent(jolokia, "port=" + freePort() + ",host=127.0.0.1", List.of(), host)));
        Path exporter = peerAgents.toAbsolutePath().resolve(PROMETHEUS_JAR);
        variants.add(peer(PROMETHEUS, "Prometheus jmx_exporter agent", exporter,
                "META-INF/maven/io.prometheus.jmx/jmx_prometheus_javaagent/pom.properties",
                () -> BenchJvm.withJavaagent(exporter, "127.0.0.1:" + freePort() + ":" + exporterConfig, List.of(), host)));
        return variants;
    }

    /** A peer agent's variant, labelled with the version its jar says, or skipped when the jar is missing. */
    private static Variant peer(String key, String name, Path jar, String pomProperties, Launch launch) {
        if (!Files.isRegularFile(jar)) {
            return new Variant(key, name, null, "no " + jar.getFileName() + " in " + jar.getParent()
                    + " (mvn -B -ntp -DskipTests package copies it there)");
        }
        return new Variant(key, (name + " " + version(jar, pomProperties)).trim(), launch, null);
    }

    private static String version(Path jar, String pomProperties) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(pomProperties);
            if (entry == null) {
                return "";
            }
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                p.load(in);
            }
            return p.getProperty("version", "");
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Writes {@code noop-agent.jar}: one class, compiled here, whose {@code premain} does nothing.
     * It is compiled rather than taken from the benchmark's classes so that, like any agent's, its
     * class is found in its own jar at the end of the class path, not in a class directory first.
     */
    static Path noopAgentJar(Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("noop-agent"));
        Path source = sources.resolve(NOOP_AGENT + ".java");
        Files.writeString(source, "public final class " + NOOP_AGENT + " {\n"
                + "    public static void premain(String args, java.lang.instrument.Instrumentation inst) {\n"
                + "    }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null || javac.run(null, null, null, "-d", sources.toString(), source.toString()) != 0) {
            throw new IOException("cannot compile the no-op agent (the benchmark needs a JDK)");
        }
        Path jar = dir.resolve("noop-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", NOOP_AGENT);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(NOOP_AGENT + ".class"));
            Files.copy(sources.resolve(NOOP_AGENT + ".class"), out);
            out.closeEntry();
        }
        return jar;
    }

    /** A port of 127.0.0.1 that was free a moment ago. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static Path log(Path dir, Variant v) {
        return dir.resolve("startup-" + v.key() + ".log");
    }

    /** One launch; returns ms from start to the line from main, and appends its output to the variant's log. */
    private static double once(Variant v, Path dir) throws IOException, InterruptedException {
        List<String> command = v.launch().next().command();
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long reached = -1;
        List<String> seen = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (reached < 0 && line.equals(StartupHost.REACHED)) {
                    reached = System.nanoTime();
                }
                seen.add(line);
            }
        }
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        try (OutputStream out = Files.newOutputStream(log(dir, v), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(("$ " + String.join(" ", command) + "\n" + String.join("\n", seen) + "\n").getBytes());
        }
        if (!ended || p.exitValue() != 0 || reached < 0) {
            p.destroyForcibly();
            throw new IOException("start-up run (" + v.label() + ") failed: " + String.join("\n", seen));
        }
        return (reached - start) / 1e6;
    }
}
