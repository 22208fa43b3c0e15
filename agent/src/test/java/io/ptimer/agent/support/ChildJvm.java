package io.ptimer.agent.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs a host application in its own JVM with the built agent jar, the way a user would. */
public final class ChildJvm {
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> firstArgs = new ArrayList<>();
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private String agentArgs;
    private String javaHome = System.getProperty("java.home");
    private String classpath = testClasspath();

    public static Path agentJar() {
        return Path.of(System.getProperty("ptimer.agent.jar", "target/ptimer-agent.jar")).toAbsolutePath();
    }

    /** A JDK 25 beside the one running the build (Temurin's, as on the CI machines), if there is one. */
    public static java.util.Optional<String> jdk25() {
        String configured = System.getProperty("ptimer.jdk25", System.getenv("PTIMER_JDK25"));
        if (configured != null) {
            // A path that was set but holds no JDK means none; the machine's own are not searched then.
            return Files.isExecutable(Path.of(configured, "bin", "java")) ? java.util.Optional.of(configured)
                    : java.util.Optional.empty();
        }
        try (var dirs = Files.list(Path.of("/usr/lib/jvm"))) {
            return dirs.filter(d -> d.getFileName().toString().matches(".*-25(-.*)?|.*-25\\..*"))
                    .filter(d -> Files.isExecutable(d.resolve("bin/java"))).map(Path::toString).sorted().findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    public static String testClasspath() {
        return System.getProperty("ptimer.test.classpath", "target/test-classes");
    }

    /** With {@code -javaagent:ptimer-agent.jar=ARGS}; {@code null} runs without the agent. */
    public ChildJvm agent(String args) {
        this.agentArgs = args;
        return this;
    }

    /** JVM options placed before the agent's, e.g. another {@code -javaagent} that must run first. */
    public ChildJvm first(String... args) {
        firstArgs.addAll(Arrays.asList(args));
        return this;
    }

    /** An environment variable of the child JVM, beside those of this one. */
    public ChildJvm env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ChildJvm jvm(String... args) {
        jvmArgs.addAll(Arrays.asList(args));
        return this;
    }

    public ChildJvm classpath(String classpath) {
        this.classpath = classpath;
        return this;
    }

    public ChildJvm javaHome(String home) {
        this.javaHome = home;
        return this;
    }

    public List<String> command(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(javaHome, "bin", "java").toString());
        cmd.addAll(firstArgs);
        if (agentArgs != null) {
            cmd.add("-javaagent:" + agentJar() + (agentArgs.isEmpty() ? "" : "=" + agentArgs));
        }
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** Runs the main class to its end and returns what it printed. Fails when it outlives {@code timeout}. */
    public Result run(Duration timeout, String mainClass, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ptimer-child", ".out");
        Path err = Files.createTempFile("ptimer-child", ".err");
        try {
            long start = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command(mainClass, args))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process p = builder.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("child JVM did not end within " + timeout + "; stdout:\n"
                        + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            long ended = System.currentTimeMillis();
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start), ended);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** What a child JVM did; {@code endedMillis} is the wall-clock time its exit was seen, in epoch ms. */
    public record Result(int exit, String stdout, String stderr, Duration elapsed, long endedMillis) {

        /** The lines of stdout that start with {@code prefix}. */
        public List<String> lines(String prefix) {
            return stdout.lines().filter(l -> l.startsWith(prefix)).collect(Collectors.toList());
        }

        /** The event lines {@code EV <route> <timer> ...}, split into words. */
        public List<String[]> events(String route, String timer) {
            return lines("EV " + route + " " + timer + " ").stream().map(l -> l.split(" "))
                    .collect(Collectors.toList());
        }

        /** The event lines of one worker. */
        public List<String[]> events(String route, String timer, int worker) {
            return events(route, timer).stream().filter(e -> e[3].equals(String.valueOf(worker)))
                    .collect(Collectors.toList());
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** The value of {@code key=value} among an event's words. */
    public static String field(String[] event, String key) {
        for (String word : event) {
            if (word.startsWith(key + "=")) {
                return word.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in " + String.join(" ", event));
    }

    /** The event's time in ms since the host's start. */
    public static double time(String[] event) {
        return Double.parseDouble(event[4]);
    }
}
