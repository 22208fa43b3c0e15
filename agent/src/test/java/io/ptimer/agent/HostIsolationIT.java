package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The agent lives beside the host's own libraries and speaks through the host's logging. */
class HostIsolationIT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static final String TIMERS = "timer=name=ok;interval=20ms,loop=timer=ok;route=" + H + "Jobs::loop"
            + ",timer=name=bad;interval=20ms,loop=timer=bad;route=" + H + "Faults::throwingLoop";

    private static String hostClasspath(String... jars) {
        StringBuilder cp = new StringBuilder(ChildJvm.testClasspath());
        Path libs = Path.of(System.getProperty("ptimer.host.libs", "target/host-libs"));
        for (String jar : jars) {
            cp.append(File.pathSeparator).append(libs.resolve(jar));
        }
        return cp.toString();
    }

    @Test
    void noSocketTcpOrUdpIPv4OrIPv6BeforeOrAfterTheMBeansAreRegistered() throws Exception {
        ChildJvm.Result r = new ChildJvm().agent(TIMERS).run(Duration.ofSeconds(60), H + "PortHost");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("SOCKETS before registered=false "), r.lines("SOCKETS before"),
                "no socket while the agent waits for an MBean server\n" + r);
        assertEquals(List.of("SOCKETS after registered=true "), r.lines("SOCKETS after"),
                "no socket once the MBeans are registered, used and listened to\n" + r);
    }

    @Test
    void theSocketProbeSeesTheSocketsTheHostOpensItself() throws Exception {
        ChildJvm.Result r = new ChildJvm().agent(TIMERS).jvm("-Dhost.openSockets=true")
                .run(Duration.ofSeconds(60), H + "PortHost");
        assertEquals(0, r.exit(), r::toString);
        List<String> opened = r.lines("OPENED ").stream().map(l -> l.substring(7)).collect(Collectors.toList());
        assertEquals(List.of("tcp", "tcp6", "udp", "udp6"), opened.stream().map(o -> o.split(":")[0])
                .collect(Collectors.toList()), r::toString);
        for (String phase : List.of("before", "after")) {
            String[] words = r.lines("SOCKETS " + phase).get(0).split(" ");
            List<String> seen = List.of(words).subList(3, words.length);
            for (String o : opened) {
                String state = o.startsWith("tcp") ? ":0A" : ":07";   // LISTEN, or an unconnected UDP socket
                assertTrue(seen.contains(o + state), "the probe " + phase + " the MBeans misses " + o + state + ": " + seen);
            }
            assertEquals(4, seen.size(), "only the four sockets the host opened: " + seen);
        }
    }

    @Test
    void hostKeepsItsOwnByteBuddyAndLoggingAndNoSocketIsOpened() throws Exception {
        ChildJvm.Result r = new ChildJvm().agent(TIMERS)
                .classpath(hostClasspath("byte-buddy-1.14.12.jar"))
                .run(Duration.ofSeconds(60), H + "IsolationHost");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("HOST-BB byte-buddy-1.14.12.jar made host.Made", r.lines("HOST-BB").get(0), r::toString);
        assertTrue(r.events("loop", "ok").size() >= 20, "the agent's timers run beside the host's Byte Buddy");
        assertTrue(r.lines("JUL SEVERE ptimer: timer \"bad\" worker 0: loop route " + H
                + "Faults::throwingLoop threw java.lang.IllegalStateException: loop failed on purpose").size() >= 1,
                r::toString);
        assertEquals(List.of("SOCKETS "), r.lines("SOCKETS"), "the agent holds no socket");
    }

    @Test
    void agentMessagesReachSlf4jThroughTheHostsBridge() throws Exception {
        ChildJvm.Result r = new ChildJvm().agent(TIMERS)
                .classpath(hostClasspath("slf4j-api-2.0.17.jar", "slf4j-simple-2.0.17.jar", "jul-to-slf4j-2.0.17.jar"))
                .run(Duration.ofSeconds(60), H + "Slf4jHost");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.stderr().contains("[ptimer-bad-0] ERROR io.ptimer - ptimer: timer \"bad\" worker 0: loop route"),
                r::toString);
    }

    @Test
    void withoutAClusterEntryNoClusterClassIsLoaded() throws Exception {
        ChildJvm.Result r = new ChildJvm().agent(TIMERS).jvm("-verbose:class", "-Dhost.millis=500")
                .run(Duration.ofSeconds(60), H + "Host");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.stdout().contains(" io.ptimer.agent.ptimer.Worker "), "the probe sees the agent's classes load\n" + r);
        assertEquals(List.of(), clusterClasses(r), "no cluster class without a cluster entry");
    }

    @Test
    void aClusterEntryLoadsTheClusterClassesAndAMissingJarIsNamed() throws Exception {
        Path missing = Path.of(System.getProperty("java.io.tmpdir"), "ptimer-no-such-cluster.jar").toAbsolutePath();
        ChildJvm.Result r = new ChildJvm().agent(TIMERS + ",cluster=name=c;bind=127.0.0.1:7800;members=127.0.0.1:7800;jar="
                + missing).jvm("-verbose:class", "-Dhost.millis=500").run(Duration.ofSeconds(60), H + "Host");
        assertEquals(2, r.exit(), "a configuration error ends the JVM before main\n" + r);
        assertTrue(clusterClasses(r).stream().anyMatch(c -> c.equals("io.ptimer.agent.cluster.ClusterSpec")),
                "the probe sees the cluster classes load\n" + r);
        assertTrue(r.stderr().contains("the cluster jar " + missing + " is not there"), r::toString);
    }

    /** The agent's cluster classes and any JGroups class the child JVM loaded, from its {@code -verbose:class} lines. */
    private static List<String> clusterClasses(ChildJvm.Result r) {
        return r.stdout().lines().filter(l -> l.contains("[class,load] "))
                .map(l -> l.substring(l.indexOf("[class,load] ") + 13).split(" ")[0])
                .filter(c -> c.startsWith("io.ptimer.agent.cluster.") || c.startsWith("org.jgroups."))
                .collect(Collectors.toList());
    }
}
