package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import io.ptimer.agent.support.Sources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route class that only a plug-in loader can see and that the application never loads: the
 * agent finds it through the loader, at start-up and at attach; when the loader is closed the timer
 * ends, runs its end route, and the loader is collected.
 */
class ClassLoaderDiscoveryIT {
    private static final String ROUTES = "plugin.house.Housekeeping";
    private static final String ENTRY = "plugin.house.Entry";
    private static final String CONFIG = "timer=name=house;interval=100ms"
            + ",start=timer=house;route=" + ROUTES + "::start"
            + ",loop=timer=house;route=" + ROUTES + "::loop"
            + ",end=timer=house;route=" + ROUTES + "::end";

    @TempDir
    static Path plugin;

    @BeforeAll
    static void compilePlugin() throws Exception {
        Sources.compile(plugin.resolve("src"), Map.of(
                "plugin/house/Entry.java", String.join("\n",
                        "package plugin.house;",
                        "public class Entry { static { System.out.println(\"ENTRY initialised\"); } }"),
                "plugin/house/Housekeeping.java", String.join("\n",
                        "package plugin.house;",
                        "import io.ptimer.api.TimerContext;",
                        "public class Housekeeping {",
                        "    static { System.out.println(\"ROUTES initialised\"); }",
                        "    public void start(TimerContext ctx) { say(\"EV start \" + ctx.name() + \" \" + ctx.worker()); }",
                        "    public void loop(TimerContext ctx) { say(\"EV loop \" + ctx.name() + \" \" + ctx.worker() + \" loader=\"",
                        "        + getClass().getClassLoader().getClass().getSimpleName()); }",
                        "    public void end(TimerContext ctx) { say(\"EV end \" + ctx.name() + \" \" + ctx.worker()); }",
                        "    static synchronized void say(String s) { System.out.println(s); System.out.flush(); }",
                        "}")),
                ChildJvm.agentJar().toString(), plugin.resolve("classes"));
    }

    @Test
    void aRouteClassTheApplicationNeverLoadsRunsAndEndsWithItsLoader() throws Exception {
        ChildJvm.Result r = new ChildJvm().agent(CONFIG).jvm("-Dhost.before=300", "-Dhost.millis=1500",
                "-Dhost.close=true").run(Duration.ofSeconds(60), "io.ptimer.agent.hosts.PluginHost",
                plugin.resolve("classes").toString(), ENTRY);
        assertEquals(0, r.exit(), r::toString);
        List<String> out = r.stdout().lines().toList();
        int loaded = out.indexOf("LOADED " + ENTRY);
        int start = out.indexOf("EV start house 0");
        int closed = out.indexOf("CLOSED");
        int end = out.indexOf("EV end house 0");
        assertTrue(loaded >= 0 && start > loaded && closed > start && end > closed, r::toString);
        assertTrue(r.events("loop", "house").size() >= 5, "loops run within the 1.5 s before the close:\n" + r);
        assertTrue(out.stream().anyMatch(l -> l.equals("EV loop house 0 loader=URLClassLoader")), r::toString);
        assertTrue(out.indexOf("ROUTES initialised") > loaded, r::toString);
        assertTrue(r.stderr().contains("ptimer: the class loader of " + ROUTES + " (java.net.URLClassLoader@"),
                r::toString);
        assertEquals(out.size() - 2, out.indexOf("COLLECTED"), "nothing keeps the closed loader alive:\n" + r);
        assertEquals(end, out.lastIndexOf("EV end house 0"), r::toString);
    }

    @Test
    void attachFindsTheClassInALoaderMadeBeforeIt() throws Exception {
        try (ControlProcess host = ControlProcess.start(new ChildJvm().jvm("-Dhost.before=0", "-Dhost.millis=60000"),
                ControlProcess.H + "PluginHost", plugin.resolve("classes").toString(), ENTRY)) {
            host.await(0, "LOADED " + ENTRY, Duration.ofSeconds(20));
            assertTrue(host.since(0, "ROUTES").isEmpty(), host::toString);
            ControlProcess.Run attached = ControlProcess.cli("attach", String.valueOf(host.pid()), CONFIG);
            ControlProcess.assertExit(0, attached);
            long attachedAt = System.nanoTime();
            host.await(0, "EV loop house 0 loader=URLClassLoader", Duration.ofSeconds(10));
            double seconds = (System.nanoTime() - attachedAt) / 1e9;
            assertTrue(seconds < 3, "the timer runs within a second or so of the attach, not " + seconds + " s\n" + host);
        }
    }
}
