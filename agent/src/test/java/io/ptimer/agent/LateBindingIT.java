package io.ptimer.agent;

import static io.ptimer.agent.support.ChildJvm.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route classes that only a loader of the application can see are bound once that loader appears. */
class LateBindingIT {
    private static final String CLASS = "plugin.routes.PluginRoutes";

    @TempDir
    static Path plugin;

    @BeforeAll
    static void compilePlugin() throws Exception {
        Path source = plugin.resolve("src/plugin/routes/PluginRoutes.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, String.join("\n",
                "package plugin.routes;",
                "import io.ptimer.api.TimerContext;",
                "public class PluginRoutes {",
                "    private int loops;",
                "    public void start(TimerContext ctx) { say(\"EV start \" + ctx.name() + \" \" + ctx.worker() + \" \" + ms()); }",
                "    public int loop(TimerContext ctx) {",
                "        say(\"EV loop \" + ctx.name() + \" \" + ctx.worker() + \" \" + ms() + \" loader=\"",
                "            + getClass().getClassLoader().getClass().getSimpleName());",
                "        return ++loops >= 3 ? -1 : 1;",
                "    }",
                "    static double ms() { return (System.nanoTime() - Long.getLong(\"t0\")) / 1e6; }",
                "    static synchronized void say(String s) { System.out.println(s); }",
                "}"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", plugin.resolve("classes").toString(),
                "-cp", ChildJvm.agentJar().toString(), source.toString());
        assertEquals(0, rc);
    }

    @Test
    void timerStartsWhenTheApplicationLoadsItsRouteClass() throws Exception {
        String args = "timer=name=late;type=1;interval=50ms,start=timer=late;route=" + CLASS + "::start"
                + ",loop=timer=late;route=" + CLASS + "::loop";
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dt0=" + System.nanoTime(), "-Dhost.before=700")
                .run(Duration.ofSeconds(60), "io.ptimer.agent.hosts.LateHost", plugin.resolve("classes").toString(), CLASS);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.stderr().contains("ptimer: timer \"late\" waits for class " + CLASS
                + " to be loaded by the application (not on the class path); it starts as soon as a class loader of"
                + " the application can see it"), r::toString);
        List<String> out = r.stdout().lines().toList();
        int loaded = indexOf(out, "LOADED " + CLASS + " by URLClassLoader");
        int firstStart = indexOf(out, "EV start late 0");
        assertTrue(loaded >= 0 && firstStart > indexOf(out, "MAIN started"), r::toString);
        List<String[]> loops = r.events("loop", "late");
        assertEquals(3, loops.size(), r::toString);
        assertTrue(loops.get(0)[5].equals("loader=URLClassLoader"), r::toString);
        assertTrue(time(loops.get(0)) > 500, "nothing runs before the application loads the class");
    }

    @Test
    void aMethodMissingInTheLateClassIsReportedAndTheHostGoesOn() throws Exception {
        String args = "timer=name=late,loop=timer=late;route=" + CLASS + "::nope";
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dt0=" + System.nanoTime(), "-Dhost.before=200",
                "-Dhost.millis=300").run(Duration.ofSeconds(60), "io.ptimer.agent.hosts.LateHost",
                plugin.resolve("classes").toString(), CLASS);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.stdout().contains("MAIN done"), r::toString);
        assertTrue(r.stderr().contains("ptimer: loop \"timer=late;route=" + CLASS + "::nope\": " + CLASS
                + " has no public method nope; timer \"late\" does not start"), r::toString);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
