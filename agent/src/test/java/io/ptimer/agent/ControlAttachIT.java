package io.ptimer.agent;

import static io.ptimer.agent.support.ControlProcess.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code java -jar ptimer-agent.jar attach <pid> ARGS} on a host started without the agent. */
class ControlAttachIT {
    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String A = ControlProcess.timer("a", "type=1;interval=50ms;nworkers=2");

    @Test
    void attachStartsTheTimersOnceAndReportsBadArguments() throws Exception {
        try (ControlProcess host = ControlProcess.start(new ChildJvm())) {
            host.await(0, "HEARTBEAT", SOON);
            String pid = String.valueOf(host.pid());

            ControlProcess.Run attached = ControlProcess.cli("attach", pid, A);
            assertExit(0, attached);
            assertEquals("ptimer: loaded timer a in JVM " + pid + "\n", attached.stdout(), attached::toString);
            host.await(0, "EV loop a 0 ", SOON);
            host.await(0, "EV loop a 1 ", SOON);
            ControlProcess.Run list = ControlProcess.cli(pid, "list");
            assertExit(0, list);
            assertTrue(list.stdout().startsWith("timer a: type=1 (sync) interval=50ms nworkers=2"), list::toString);

            ControlProcess.Run again = ControlProcess.cli("attach", pid, ControlProcess.timer("d", "interval=50ms") + "," + A);
            assertExit(2, again);
            assertEquals("ptimer: timer \"name=a;type=1;interval=50ms;nworkers=2\": timer \"a\" is already loaded in"
                    + " this JVM\n", again.stderr(), again::toString);
            Thread.sleep(500);
            assertEquals(2, host.since(0, "EV start a ").size(), "the timers were started once: " + host);
            assertEquals(List.of(), host.since(0, "EV start d "), "nothing of the refused ARGS was loaded: " + host);
            ControlProcess.Run afterRefusal = ControlProcess.cli(pid, "list");
            assertTrue(!afterRefusal.stdout().contains("timer d:"), afterRefusal::toString);

            ControlProcess.Run bad = ControlProcess.cli("attach", pid, "timer=name=b;interval=0");
            assertExit(2, bad);
            assertEquals("ptimer: timer \"name=b;interval=0\": interval must be > 0\n", bad.stderr(), bad::toString);
            int m = host.mark();
            host.await(m, "HEARTBEAT", SOON);
            host.await(m, "EV loop a 0 ", SOON);
            assertTrue(host.alive(), host::toString);

            ControlProcess.Run second = ControlProcess.cli("attach", pid, ControlProcess.timer("c", "interval=50ms"));
            assertExit(0, second);
            host.await(m, "EV loop c 0 ", SOON);
            list = ControlProcess.cli(pid, "list");
            assertTrue(list.stdout().contains("timer c: type=0 (basic)"), list::toString);
            ControlProcess.Run pause = ControlProcess.cli(pid, "pause", "c");
            assertExit(0, pause);
            assertEquals("pause sent to timer \"c\" (1 worker)\n", pause.stdout());
            assertTrue(!host.stderr().contains("Sharing is only supported"),
                    "the copy the command loads has no Boot-Class-Path: " + host);
            assertEquals(List.of(), attachCopies(), "the copies are deleted once loaded");
        }
    }

    private static List<Path> attachCopies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("ptimer-agent-attach-")).toList();
        }
    }

    @Test
    void attachToANewerJdkWarnsOnTheHostOnly() throws Exception {
        Optional<String> jdk25 = ChildJvm.jdk25();
        assumeTrue(jdk25.isPresent(), "no JDK 25 on this machine");
        try (ControlProcess host = ControlProcess.start(new ChildJvm().javaHome(jdk25.get()))) {
            host.await(0, "HEARTBEAT", SOON);
            ControlProcess.Run attached = ControlProcess.cli("attach", String.valueOf(host.pid()), A);
            assertExit(0, attached);
            host.await(0, "EV loop a 1 ", SOON);
            host.eventually("JDK 21+ warns about a dynamically loaded agent",
                    h -> h.stderr().contains("WARNING: A Java agent has been loaded dynamically"));
        }
        try (ControlProcess host = ControlProcess.start(new ChildJvm().javaHome(jdk25.get())
                .jvm("-XX:+EnableDynamicAgentLoading"))) {
            host.await(0, "HEARTBEAT", SOON);
            assertExit(0, ControlProcess.cli("attach", String.valueOf(host.pid()), A));
            host.await(0, "EV loop a 1 ", SOON);
            Thread.sleep(200);
            assertTrue(!host.stderr().contains("WARNING: A Java agent"), host::toString);
        }
    }
}
