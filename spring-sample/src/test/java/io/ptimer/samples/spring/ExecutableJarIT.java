package io.ptimer.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repackaged Spring Boot jar, run as a user runs it: its route classes live in
 * {@code BOOT-INF/classes}, nothing in the application refers to them, and they are made by the
 * application context with the call queue injected. With {@code -javaagent}, and with {@code attach}
 * to a running application.
 */
class ExecutableJarIT {
    private static final String AGENT = System.getProperty("ptimer.agent.jar");
    private static final String JAR = System.getProperty("ptimer.sample.jar");
    private static final String CONFIG = System.getProperty("ptimer.sample.config");

    @TempDir
    Path dir;

    @Test
    void withTheAgentFlagTheRoutesRunOnceTheApplicationIsReady() throws Exception {
        List<String> cmd = List.of(java(), "-javaagent:" + AGENT + "=config=" + CONFIG, "-jar", JAR, "--seconds", "3");
        Run r = run(cmd);
        assertEquals(0, r.exit, r::toString);
        assertTrue(r.err.contains("ptimer: timer \"queue_timer\" waits for the application to install its route factory"
                + " (io.ptimer.api.RouteFactories.install); it starts then"), r::toString);
        assertTrue(relayedBy(r.out, 2) >= 1000, "the injected queue is relayed from the first seconds:\n" + r);
        assertTrue(r.out.contains("housekeeping: "), r::toString);
    }

    @Test
    void attachedToARunningApplicationTheRoutesRunWithinSeconds() throws Exception {
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process app = new ProcessBuilder(java(), "-jar", JAR, "--seconds", "7").redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(out).contains("   1 ")) {
                assertTrue(System.nanoTime() < deadline && app.isAlive(), () -> "the application runs:\n" + read(out, err));
                Thread.sleep(50);
            }
            assertEquals(0, relayedBy(Files.readString(out), 1), "nothing runs before the attach");
            Process attach = new ProcessBuilder(java(), "-jar", AGENT, "attach", String.valueOf(app.pid()),
                    "config=" + CONFIG).redirectErrorStream(true).start();
            String said = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, attach.waitFor(), said);
            assertEquals("ptimer: loaded timers queue_timer, housekeeping in JVM " + app.pid() + "\n", said);
            assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the application ends");
            String text = Files.readString(out);
            assertTrue(relayedBy(text, 4) >= 1500, "relays begin within a second or so of the attach:\n" + read(out, err));
            assertTrue(text.contains("housekeeping: "), read(out, err));
        } finally {
            app.destroyForcibly();
        }
    }

    /** The calls relayed by the end of second {@code s}, from the sample's rows. */
    private static long relayedBy(String out, int s) {
        long relayed = 0;
        for (String line : out.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 5 && f[0].matches("\\d+") && Integer.parseInt(f[0]) <= s) {
                relayed += Long.parseLong(f[3]);
            }
        }
        return relayed;
    }

    private static String read(Path out, Path err) {
        try {
            return Files.readString(out) + "\n--- stderr\n" + Files.readString(err);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Run run(List<String> cmd) throws IOException, InterruptedException {
        Path out = dir.resolve("run-out");
        Path err = dir.resolve("run-err");
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not end within 60 s:\n" + read(out, err));
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
