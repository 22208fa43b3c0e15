package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/**
 * A child JVM on the benchmark's own class path, less the ptimer API (the agent jar brings it, and
 * a second copy would be a different {@code TimerContext}), with the same heap settings for every
 * runner, optionally with the agent and a configuration file, or with another Java agent.
 */
final class BenchJvm {
    static final List<String> HEAP = List.of("-Xms128m", "-Xmx128m");

    private final List<String> command = new ArrayList<>();

    private BenchJvm(Path agentJar, String agentOptions, List<String> properties, String mainClass, String... args) {
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (agentJar != null) {
            command.add("-javaagent:" + agentJar + (agentOptions == null ? "" : "=" + agentOptions));
        }
        command.addAll(HEAP);
        command.addAll(properties);
        command.add("-cp");
        command.add(CLASS_PATH);
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
    }

    static BenchJvm plain(List<String> properties, String mainClass, String... args) {
        return new BenchJvm(null, null, properties, mainClass, args);
    }

    static BenchJvm withAgent(Path agentJar, Path config, List<String> properties, String mainClass, String... args) {
        return new BenchJvm(agentJar, config == null ? null : "config=" + config, properties, mainClass, args);
    }

    /** With any Java agent: {@code -javaagent:jar=options}, or without {@code =options} when they are null. */
    static BenchJvm withJavaagent(Path jar, String options, List<String> properties, String mainClass, String... args) {
        return new BenchJvm(jar, options, properties, mainClass, args);
    }

    List<String> command() {
        return command;
    }

    /** Runs to the end, output to {@code log}; fails with the log's tail on a non-zero status or after {@code timeout}. */
    void run(Path log, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException("child JVM outlived " + timeout.toSeconds() + " s: " + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new IOException("child JVM exited with " + process.exitValue() + ": " + tail(log));
        }
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static final String CLASS_PATH = Arrays.stream(
                    System.getProperty("ptimer.bench.classpath", System.getProperty("java.class.path"))
                            .split(java.io.File.pathSeparator))
            .filter(entry -> !entry.isEmpty() && !holdsApi(Path.of(entry)))
            .collect(Collectors.joining(java.io.File.pathSeparator));

    private static boolean holdsApi(Path entry) {
        String api = "io/ptimer/api/TimerContext.class";
        if (Files.isDirectory(entry)) {
            return Files.exists(entry.resolve(api));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            return zip.getEntry(api) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
