package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -javaagent:ptimer-agent.jar} without arguments reads the file named by {@code ptimer.config} or {@code PTIMER_CONFIG}. */
class DefaultConfigIT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static Path config(Path dir, String timer) throws Exception {
        Path file = dir.resolve(timer + ".cfg");
        Files.writeString(file, "modparam(\"ptimer\", \"timer\", \"name=" + timer + ";interval=20ms\")\n"
                + "modparam(\"ptimer\", \"loop\", \"timer=" + timer + ";route=" + H + "Jobs::loop\")\n");
        return file;
    }

    @Test
    void thePropertyNamesTheFile(@TempDir Path dir) throws Exception {
        ChildJvm.Result r = new ChildJvm().agent("").jvm("-Dptimer.config=" + config(dir, "prop"), "-Dhost.millis=300")
                .env("PTIMER_CONFIG", config(dir, "env").toString()).run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.events("loop", "prop").size() >= 3, r::toString);
        assertEquals(0, r.events("loop", "env").size(), "the property comes before the variable\n" + r);
    }

    @Test
    void theVariableNamesTheFileWhenThePropertyIsNotSet(@TempDir Path dir) throws Exception {
        ChildJvm.Result r = new ChildJvm().agent("").jvm("-Dhost.millis=300")
                .env("PTIMER_CONFIG", config(dir, "env").toString()).run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.events("loop", "env").size() >= 3, r::toString);
    }

    @Test
    void argumentsWinOverBoth(@TempDir Path dir) throws Exception {
        ChildJvm.Result r = new ChildJvm().agent("config=" + config(dir, "args"))
                .jvm("-Dptimer.config=" + config(dir, "prop"), "-Dhost.millis=300").run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.events("loop", "args").size() >= 3, r::toString);
        assertEquals(0, r.events("loop", "prop").size(), r::toString);
    }

    @Test
    void aMissingFileStopsTheJvmNamingWhereItsPathCameFrom(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.cfg");
        ChildJvm.Result r = new ChildJvm().agent("").env("PTIMER_CONFIG", missing.toString()).run(TIMEOUT, H + "Host");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ptimer: PTIMER_CONFIG \"" + missing + "\": cannot read the file (no such file)", r.stderr().strip(),
                r::toString);
    }
}
