package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed configurations a user will write, inline and in files, in both forms. At start-up each
 * stops the JVM before main with exit status 2 and one line; through {@code attach} each is reported
 * by the command and the host keeps running with nothing loaded.
 */
class BadConfigCorpusIT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static final String LOOP = ",loop=timer=t1;route=" + H + "Jobs::loop";
    private static Path dir;

    /** One bad configuration: the agent arguments and the message after {@code ptimer: }. */
    record Bad(String args, String message) {
        @Override
        public String toString() {
            return args;
        }
    }

    @BeforeAll
    static void files() throws IOException {
        dir = Files.createTempDirectory("ptimer-corpus");
    }

    /** A jar whose only content is a manifest naming {@link io.ptimer.agent.hosts.ExitProbe} as its agent. */
    private static Path exitProbe() throws IOException {
        Path jar = dir.resolve("exit-probe.jar");
        if (!Files.exists(jar)) {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), H + "ExitProbe");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                out.flush();
            }
        }
        return jar;
    }

    @AfterAll
    static void clean() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static Bad file(String name, String content, int line, String message) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return new Bad("config=" + f, f + ":" + line + ": " + message);
    }

    static List<Bad> corpus() throws IOException {
        if (dir == null) {
            files();
        }
        List<Bad> c = new ArrayList<>();
        String r = H + "Jobs::loop";
        c.add(new Bad("timer=name=t1;interval=0" + LOOP, "timer \"name=t1;interval=0\": interval must be > 0"));
        c.add(new Bad("timer=name=ok;interval=10ms,loop=timer=ok;route=" + H + "Jobs::loop,timer=name=t1;interval=0" + LOOP,
                "timer \"name=t1;interval=0\": interval must be > 0"));
        c.add(new Bad("timer=name=t1;interval=-1s" + LOOP, "timer \"name=t1;interval=-1s\": interval must be > 0"));
        c.add(new Bad("timer=name=t1;interval=10ous" + LOOP, "timer \"name=t1;interval=10ous\": unknown unit \"ous\" (use s, ms or us)"));
        c.add(new Bad("timer=name=t1;interval=1.5s" + LOOP, "timer \"name=t1;interval=1.5s\": unknown unit \".5s\" (use s, ms or us)"));
        c.add(new Bad("timer=type=1" + LOOP, "timer \"type=1\": name is required"));
        c.add(new Bad("timer=name=t/1" + LOOP, "timer \"name=t/1\": name \"t/1\" may use only letters, digits, '_', '.' and '-'"));
        c.add(new Bad("timer=name=t1,timer=name=t1", "timer \"name=t1\": timer \"t1\" is defined twice"));
        c.add(new Bad("timer=name=t1,loop=timer=t2;route=" + r, "loop \"timer=t2;route=" + r + "\": unknown timer \"t2\" (defined before this entry: t1)"));
        c.add(new Bad("timer=name=t1" + LOOP + LOOP, "loop \"timer=t1;route=" + r + "\": timer \"t1\" has a loop route already (" + r + ")"));
        c.add(new Bad("timer=name=t1,start=timer=t1;route=" + r + ",start=timer=t1;route=" + r,
                "start \"timer=t1;route=" + r + "\": timer \"t1\" has a start route already (" + r + ")"));
        c.add(new Bad("timer=name=t1", "timer \"name=t1\": timer \"t1\" has no loop route (add loop=timer=t1;route=...)"));
        c.add(new Bad("timer=name=t1;workers=2" + LOOP, "timer \"name=t1;workers=2\": unknown attribute \"workers\" (known: name, type, interval, nworkers, ntasks, nslices, precision, autostart, overrun, factory, jfr_late, cluster, thread)"));
        c.add(new Bad("timer=name=t1;type=1;overrun=later" + LOOP, "timer \"name=t1;type=1;overrun=later\": overrun must be reanchor or skip"));
        c.add(new Bad("timer=name=t1;type=7" + LOOP, "timer \"name=t1;type=7\": type must be an integer from 0 to 3 (0 basic, 1 sync, 2 slice, 3 synced slice), not 7"));
        c.add(new Bad("timer=name=t1;nworkers=0" + LOOP, "timer \"name=t1;nworkers=0\": nworkers must be an integer from 1 to 1024, not 0"));
        c.add(new Bad("timer=name=t1;nworkers=5000" + LOOP, "timer \"name=t1;nworkers=5000\": nworkers must be an integer from 1 to 1024, not 5000"));
        c.add(new Bad("timer=name=t1;nslices=0" + LOOP, "timer \"name=t1;nslices=0\": nslices must be an integer >= 1, not 0"));
        c.add(new Bad("timer=name=t1;ntasks=-1" + LOOP, "timer \"name=t1;ntasks=-1\": ntasks must be an integer >= 0, not -1"));
        c.add(new Bad("timer=name=t1;precision=fast" + LOOP, "timer \"name=t1;precision=fast\": precision must be sleep, hybrid or spin"));
        c.add(new Bad("timer=name=t1;autostart=2" + LOOP, "timer \"name=t1;autostart=2\": autostart must be an integer from 0 to 1, not 2"));
        c.add(new Bad("timer=name=t1,loop=timer=t1;route=" + H + "Jobs:loop", "loop \"timer=t1;route=" + H + "Jobs:loop\": route must be com.example.Class::method or a class implementing io.ptimer.api.Route; \"" + H + "Jobs:loop\" is not a class name"));
        c.add(new Bad("timer=name=t1,loop=timer=t1;route=TIMER_LOOP()", "loop \"timer=t1;route=TIMER_LOOP()\": route must be com.example.Class::method or a class implementing io.ptimer.api.Route; \"TIMER_LOOP()\" is not a class name"));
        c.add(new Bad("timer=name=t1,loop=timer=t1;route=" + H + "Jbos::loop", "loop \"timer=t1;route=" + H + "Jbos::loop\": class " + H + "Jbos not found (its package io.ptimer.agent.hosts is on the class path)"));
        c.add(new Bad("timer=name=t1,loop=timer=t1;route=" + H + "Jobs::lop", "loop \"timer=t1;route=" + H + "Jobs::lop\": " + H + "Jobs has no public method lop"));
        c.add(new Bad("timer=name=t1,loop=timer=t1;route=" + H + "Forms$Wrong::takesString", "loop \"timer=t1;route=" + H + "Forms$Wrong::takesString\": " + H + "Forms$Wrong::takesString must take () or (io.ptimer.api.TimerContext), found void takesString(java.lang.String)"));
        c.add(new Bad("timer=name=t1,loop=timer=t1;route=" + H + "Forms$Wrong::returnsLong", "loop \"timer=t1;route=" + H + "Forms$Wrong::returnsLong\": " + H + "Forms$Wrong::returnsLong must return void, int or boolean, not long"));
        c.add(new Bad("timer=name=t1,loop=timer=t1;route=" + H + "Forms$NoDefaultConstructor::loop", "loop \"timer=t1;route=" + H + "Forms$NoDefaultConstructor::loop\": " + H + "Forms$NoDefaultConstructor has no public no-argument constructor, needed for the instance method loop (or have a route factory of the application make it: timer attribute factory=required)"));
        c.add(new Bad("timer=name=t1,loop=timer=t1;route=" + H + "Forms$NotARoute", "loop \"timer=t1;route=" + H + "Forms$NotARoute\": " + H + "Forms$NotARoute does not implement io.ptimer.api.Route (or name a method: " + H + "Forms$NotARoute::method)"));
        String rt = H + "Rtimers::";
        String exec = ",rtimer.exec=timer=ta;route=" + rt + "first";
        c.add(new Bad("rtimer.timer=name=ta,rtimer.exec=timer=tb;route=" + rt + "first",
                "rtimer.exec \"timer=tb;route=" + rt + "first\": unknown rtimer \"tb\" (defined before this entry: ta)"));
        c.add(new Bad("rtimer.timer=name=ta;interval=1", "rtimer.timer \"name=ta;interval=1\": rtimer \"ta\" has no exec route (add rtimer.exec=timer=ta;route=...)"));
        c.add(new Bad("rtimer.timer=name=ta;mode=-1" + exec, "rtimer.timer \"name=ta;mode=-1\": mode must be an integer from 0 to 1024, not -1"));
        c.add(new Bad("rtimer.timer=name=ta;interval=10x" + exec, "rtimer.timer \"name=ta;interval=10x\": unknown unit \"x\" (use s, ms or us)"));
        c.add(new Bad("rtimer.timer=name=ta" + exec + ",rtimer.timer=name=ta", "rtimer.timer \"name=ta\": rtimer \"ta\" is defined twice"));
        c.add(new Bad("rtimer.timer=name=ta;modes=1" + exec, "rtimer.timer \"name=ta;modes=1\": unknown attribute \"modes\" (known: name, mode, interval)"));
        c.add(new Bad("rtimer.timers=name=ta", "rtimer.timers \"name=ta\": unknown rtimer key \"timers\" (known: default_interval, timer, exec)"));
        c.add(new Bad("rtimer.timer=name=ta,rtimer.exec=timer=ta;route=" + rt + "nope",
                "rtimer.exec \"timer=ta;route=" + rt + "nope\": " + H + "Rtimers has no public method nope"));
        c.add(new Bad("rtimer.timer=name=ta,rtimer.exec=timer=ta;route=" + H + "Jobs::loop",
                "rtimer.exec \"timer=ta;route=" + H + "Jobs::loop\": " + H + "Jobs::loop must take () or (io.ptimer.api.RtimerContext), found int loop(io.ptimer.api.TimerContext)"));
        c.add(file("rtimer.cfg", "modparam(\"rtimer\", \"timer\", \"name=ta;interval=10;mode=1;\")\n"
                + "modparam(\"rtimer\", \"exec\", \"timer=ta;route=ONTIMER\")\n", 2,
                "rtimer.exec \"timer=ta;route=ONTIMER\": route must be com.example.Class::method; \"ONTIMER\" names no method"));
        c.add(new Bad("timers=name=t1", "timers \"name=t1\": unknown key \"timers\" (known: default_type, default_interval, default_nworkers, timer, start, loop, end, shutdown_timeout, late_binding, cluster, config)"));
        c.add(new Bad("timer", "entry \"timer\": expected key=value"));
        c.add(new Bad("cluster=name=c;bind=127.0.0.1:7800;members=127.0.0.1:7800;clock_bound=2s",
                "cluster \"name=c;bind=127.0.0.1:7800;members=127.0.0.1:7800;clock_bound=2s\": clock_bound must be at least 100us and at most 1s, not 2s"));
        c.add(new Bad("cluster=name=c;bind=127.0.0.1:7800;members=127.0.0.1:7800;spend_window=150ms,timer=name=t1;type=3;interval=100ms;cluster=c" + LOOP,
                "timer \"name=t1;type=3;interval=100ms;cluster=c\": the interval 100ms must be longer than cluster \"c\"'s spend_window 150ms: a step's sends must end before the next step"));
        c.add(new Bad("shutdown_timeout=0", "shutdown_timeout \"0\": interval must be > 0"));
        c.add(new Bad("default_interval=abc", "default_interval \"abc\": interval must be a whole number followed by s, ms or us"));
        c.add(new Bad("default_nworkers=0", "default_nworkers \"0\": default_nworkers must be an integer from 1 to 1024, not 0"));
        c.add(new Bad("late_binding=2", "late_binding \"2\": late_binding must be an integer from 0 to 1, not 2"));
        c.add(new Bad("config=" + dir.resolve("missing.cfg"), "config \"" + dir.resolve("missing.cfg") + "\": cannot read the file (no such file)"));
        c.add(file("mqueue.cfg", "modparam(\"mqueue\", \"mqueue\", \"name=call_queue\")\n", 1,
                "line \"modparam(\"mqueue\", \"mqueue\", \"name=call_queue\")\": module \"mqueue\" is not ptimer, rtimer or async"));
        c.add(file("broken.cfg", "# from the ptimer module documentation\nmodparam(\"ptimer\", \"timer\", \"name=t1\"\n", 2,
                "line \"modparam(\"ptimer\", \"timer\", \"name=t1\"\": expected modparam(\"ptimer\", \"key\", \"value\")"));
        c.add(file("doc-interval.cfg", "modparam(\"ptimer\", \"default_interval\", 10ous)\n", 1,
                "default_interval \"10ous\": unknown unit \"ous\" (use s, ms or us)"));
        c.add(file("doc-loop-twice.cfg", "modparam(\"ptimer\", \"timer\", \"name=normal_timer;type=1;interval=100ms\")\n"
                + "modparam(\"ptimer\", \"loop\", \"timer=normal_timer;route=" + H + "Jobs::start\")\n"
                + "modparam(\"ptimer\", \"loop\", \"timer=normal_timer;route=" + r + "\")\n", 3,
                "loop \"timer=normal_timer;route=" + r + "\": timer \"normal_timer\" has a loop route already (" + H + "Jobs::start)"));
        c.add(file("keyvalue.cfg", "timer = name=t1;type=9\n", 1,
                "timer \"name=t1;type=9\": type must be an integer from 0 to 3 (0 basic, 1 sync, 2 slice, 3 synced slice), not 9"));
        c.add(file("nested.cfg", "config = other.cfg\n", 1, "config \"other.cfg\": a configuration file cannot include another"));
        c.add(file("garbage.cfg", "loadmodule \"ptimer.so\"\n", 1,
                "line \"loadmodule \"ptimer.so\"\": expected key = value or modparam(\"ptimer\", \"key\", \"value\")"));
        c.add(new Bad("async.workers=0", "async.workers \"0\": workers must be an integer from 1 to 1024, not 0"));
        c.add(new Bad("async.ms_timer=fast", "async.ms_timer \"fast\": ms_timer must be an integer >= 0, not \"fast\""));
        c.add(new Bad("async.mode=3", "async.mode \"3\": mode must be an integer from 0 to 1, not 3"));
        c.add(new Bad("async.timer=1", "async.timer \"1\": unknown key \"timer\" (known: workers, ms_timer, precision, return, mode)"));
        c.add(new Bad("async_workers=-1", "async_workers \"-1\": async_workers must be an integer from 1 to 1024, not -1"));
        c.add(new Bad("async_workers_group=workers=4", "async_workers_group \"workers=4\": name is required"));
        c.add(new Bad("async_workers_group=name=abc;workers=4;nonblock=yes",
                "async_workers_group \"name=abc;workers=4;nonblock=yes\": nonblock must be an integer from 0 to 1, not \"yes\""));
        c.add(new Bad("async_workers_group=name=abc;threads=4", "async_workers_group \"name=abc;threads=4\": unknown attribute"
                + " \"threads\" (known: name, workers, nonblock, usleep, queue)"));
        c.add(new Bad("async_workers_group=name=abc,async_workers_group=name=abc",
                "async_workers_group \"name=abc\": async group \"abc\" is defined twice"));
        c.add(new Bad("async_tkv_gname=tkv", "async_tkv_gname \"tkv\": no async group \"tkv\" (groups: none)"));
        c.add(new Bad("async_workers_group=name=tkv,async_tkv_gname=tkv,async_tkv_evcb=" + H + "AsyncRoutes::nothing",
                "async_tkv_evcb \"" + H + "AsyncRoutes::nothing\": " + H + "AsyncRoutes has no public method nothing"));
        c.add(new Bad("async_tkv_evcb=" + H + "AsyncRoutez::event", "async_tkv_evcb \"" + H + "AsyncRoutez::event\": class "
                + H + "AsyncRoutez not found (its package io.ptimer.agent.hosts is on the class path)"));
        c.add(file("async.cfg", "# Kamailio's async module\nmodparam(\"async\", \"workers\", 2)\n"
                + "async_workers_group=\"name=abc;workers=0;nonblock=0;usleep=0\"\n", 3,
                "async_workers_group \"name=abc;workers=0;nonblock=0;usleep=0\": workers must be an integer from 1 to 1024, not 0"));
        return c;
    }

    static Stream<Arguments> cases() throws IOException {
        return corpus().stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void stopsTheJvmBeforeMainWithNothingStarted(Bad bad) throws Exception {
        ChildJvm.Result r = new ChildJvm().first("-javaagent:" + exitProbe()).agent(bad.args())
                .run(Duration.ofSeconds(60), H + "Host");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ptimer: " + bad.message(), r.stderr().strip(), r::toString);
        assertEquals("EXIT threads=", r.stdout().strip(), "no main, no route, no thread of the agent's at the exit\n" + r);
    }

    @Test
    void attachReportsEachAndTheHostRunsOnWithNothingLoaded() throws Exception {
        List<Bad> corpus = corpus();
        assertTrue(corpus.size() >= 30, "a corpus of at least 30: " + corpus.size());
        try (ControlProcess host = ControlProcess.start(new ChildJvm())) {
            host.await(0, "MAIN started", Duration.ofSeconds(20));
            String pid = String.valueOf(host.pid());
            for (Bad bad : corpus) {
                ControlProcess.Run run = ControlProcess.cli("attach", pid, bad.args());
                assertEquals(2, run.exit(), run::toString);
                assertEquals("ptimer: " + bad.message(), run.stderr().strip(), run::toString);
            }
            int mark = host.mark();
            host.await(mark, "HEARTBEAT", Duration.ofSeconds(5));
            assertTrue(host.alive(), host::toString);
            ControlProcess.Run list = ControlProcess.cli(pid, "list");
            assertEquals(1, list.exit(), list::toString);
            assertTrue(list.stderr().contains("has no ptimer agent (no MBean io.ptimer:type=PTimer)"),
                    "nothing was loaded, not even the MBeans: " + list);
        }
    }
}
