package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The agent jar is self-contained and hides its dependencies from the host. */
class AgentJarIT {

    @Test
    void noUnrelocatedAsmClassIsLeft() throws Exception {
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            List<String> leaks = jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("org/objectweb/") || n.contains("/org/objectweb/") || n.contains("bytebuddy"))
                    .collect(Collectors.toList());
            assertEquals(List.of(), leaks);
            assertTrue(jar.getEntry("io/ptimer/agent/shaded/asm/ClassWriter.class") != null);
            assertTrue(jar.getEntry("io/ptimer/api/TimerContext.class") != null);
        }
    }

    @Test
    void manifestNamesTheEntryPoints() throws Exception {
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("io.ptimer.agent.boot.Agent", main.getValue("Premain-Class"));
            assertEquals("io.ptimer.agent.boot.Agent", main.getValue("Agent-Class"));
            assertEquals("io.ptimer.agent.cli.Cli", main.getValue("Main-Class"));
        }
    }
}
