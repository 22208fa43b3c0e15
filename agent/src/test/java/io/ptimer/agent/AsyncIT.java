package io.ptimer.agent;

import static io.ptimer.agent.support.ChildJvm.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The async functions through the agent jar in a child JVM, as an application calls them: delays
 * measured from the call, thread names, groups, data, tkv events, every refused call, a route that
 * throws, a few hundred delayed routes, the MBeans, {@code async.list} and shutdown. Times are
 * checked with generous tolerances only.
 */
class AsyncIT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final String CONFIG = "async.workers=2,async_workers=3,async_workers_group=name=abc;workers=4;nonblock=0;usleep=0,"
            + "async_workers_group=name=nb;workers=1;nonblock=1;queue=2,async_workers_group=name=tkv;workers=1,"
            + "async_tkv_gname=tkv,async_tkv_evcb=" + H + "AsyncRoutes::event";
    private static String stdout;
    private static String stderr;
    private static String list;

    @BeforeAll
    static void run() throws Exception {
        List<String> cmd = new ChildJvm().agent(CONFIG).jvm("-Dhost.millis=60000").command(H + "AsyncHost");
        Path out = Files.createTempFile("ptimer-async", ".out");
        Path err = Files.createTempFile("ptimer-async", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!Files.readString(out).contains("READY") && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            ControlProcess.Run cli = ControlProcess.cli(String.valueOf(p.pid()), "async.list");
            list = cli.exit() + "\n" + cli.stdout() + cli.stderr();
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the host ends on SIGTERM");
            stdout = Files.readString(out, StandardCharsets.UTF_8);
            stderr = Files.readString(err, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String all() {
        return "--- stdout\n" + stdout + "--- stderr\n" + stderr + "--- async.list\n" + list;
    }

    private static List<String[]> as(String label) {
        return stdout.lines().filter(l -> l.startsWith("AS " + label + " ")).map(l -> l.split(" "))
                .collect(Collectors.toList());
    }

    private static String bad(String label) {
        return stdout.lines().filter(l -> l.startsWith("BAD " + label + " ")).findFirst()
                .map(l -> l.substring(("BAD " + label + " ").length()))
                .orElseThrow(() -> new AssertionError("no refusal " + label + "\n" + all()));
    }

    private static double after(String[] event) {
        return Double.parseDouble(field(event, "after"));
    }

    @Test
    void delayedRoutesRunOnAsyncTimerThreadsNoSoonerThanAskedFromTheCall() {
        String[] ms = as("ms200").get(0);
        assertTrue(field(ms, "thread").matches("async-timer-[01]"), all());
        assertTrue(after(ms) >= 200 && after(ms) < 2000, "200 ms route ran after " + after(ms) + " ms\n" + all());
        assertEquals(H + "AsyncRoutes::ms200", field(ms, "route"));
        assertEquals("null", field(ms, "group"));
        assertEquals("null", field(ms, "data"));
        String[] s = as("sec1").get(0);
        assertTrue(field(s, "thread").matches("async-timer-[01]"), all());
        assertTrue(after(s) >= 1000 && after(s) < 3000, "1 s route ran after " + after(s) + " ms\n" + all());
    }

    @Test
    void sleepCompletesOnAnAsyncTimerThreadSoThenRunContinuesThere() {
        String[] sleep = as("sleep").get(0);
        assertTrue(field(sleep, "thread").matches("async-timer-[01]"), all());
        assertTrue(after(sleep) >= 150 && after(sleep) < 2000, all());
    }

    @Test
    void tasksSpreadOverTheDefaultGroupsWorkersWithOneInstancePerThread() {
        List<String[]> tasks = as("task");
        assertEquals(12, tasks.size(), all());
        Map<String, Set<String>> instances = new TreeMap<>();
        for (String[] t : tasks) {
            assertEquals("default", field(t, "group"));
            instances.computeIfAbsent(field(t, "thread"), k -> new HashSet<>()).add(field(t, "instance"));
        }
        assertTrue(instances.keySet().stream().allMatch(n -> n.matches("async-default-[012]")), all());
        assertTrue(instances.size() >= 2, "12 tasks of 20 ms on 3 workers use more than one: " + instances);
        assertTrue(instances.values().stream().allMatch(i -> i.size() == 1), "one instance per thread: " + instances);
    }

    @Test
    void dataReachesTheRouteOnTheNamedGroupOrDefault() {
        List<String> data = stdout.lines().filter(l -> l.startsWith("AS data ")).toList();
        assertTrue(data.stream().anyMatch(l -> l.matches("AS data thread=async-abc-[0-3] .* group=abc "
                + "data=\\[caller: alice - callee: bob\\]")), all());
        assertTrue(data.stream().anyMatch(l -> l.matches("AS data thread=async-default-[0-2] .* group=default "
                + "data=\\[caller: carol - callee: dave\\]")), all());
    }

    @Test
    void tkvEventsReachTheEventRouteOnTheTkvGroupInOrder() {
        List<String> events = stdout.lines().filter(l -> l.startsWith("AS tkv ")).toList();
        assertEquals(3, events.size(), all());
        for (int i = 0; i < 3; i++) {
            assertTrue(events.get(i).matches("AS tkv thread=async-tkv-0 after=- type=" + (8000 + i)
                    + " key=call value=\\[caller='alice';callee='bob'\\] group=tkv"), events.get(i));
        }
    }

    @Test
    void everyBadCallFailsAtOnceWithAMessageThatNamesIt() {
        String iae = IllegalArgumentException.class.getName() + ": ";
        String ise = IllegalStateException.class.getName() + ": ";
        assertEquals(iae + "delay must be 1 to 30000 ms, not 0 ms", bad("ms0"));
        assertEquals(iae + "delay must be 1 to 30000 ms, not 30001 ms", bad("ms30001"));
        assertEquals(iae + "delay must be 1 to 100 s, not 0 s", bad("s0"));
        assertEquals(iae + "delay must be 1 to 100 s, not 101 s", bad("s101"));
        assertEquals(iae + "delay must be 1 to 100 s, not 0 s", bad("sleep0"));
        assertEquals(iae + "delay must be 1 to 30000 ms, not 30001 ms", bad("mssleep30001"));
        assertEquals(iae + "unknown async group \"nope\" (groups: default, abc, nb, tkv)", bad("group"));
        assertEquals(iae + "route must not be null", bad("nullroute"));
        assertEquals(iae + "route \"" + H + "NoSuch::x\": class " + H + "NoSuch not found", bad("noclass"));
        assertEquals(iae + "route \"" + H + "AsyncRoutes::missing\": " + H + "AsyncRoutes has no public method missing",
                bad("nomethod"));
        assertEquals(iae + "route \"AsyncRoutes.count\": route must be com.example.Class::method; \"AsyncRoutes.count\""
                + " names no method", bad("syntax"));
        assertEquals(iae + "route \"" + H + "AsyncRoutes::takesString\": " + H + "AsyncRoutes::takesString must take ()"
                + " or (io.ptimer.api.AsyncContext), found void takesString(java.lang.String)", bad("signature"));
        assertEquals(iae + "data must be at most 1024 bytes in UTF-8, not 1025", bad("data1025"));
        assertEquals(iae + "value must be at most 1024 bytes in UTF-8, not 1026", bad("value1026"));
        String full = stdout.lines().filter(l -> l.startsWith("BAD full")).findFirst().orElseThrow(AssertionError::new);
        assertTrue(full.matches("BAD full[1-5] " + ise.replace(".", "\\.") + "async group \"nb\" is full \\(queue bound 2,"
                + " nonblock=1\\); async route " + H.replace(".", "\\.") + "AsyncRoutes::hold on group nb not queued"), full);
    }

    @Test
    void aRouteThatThrowsIsCountedAndLoggedAndTheWorkerGoesOn() {
        assertTrue(as("after").stream().anyMatch(a -> field(a, "group").equals("abc")
                && field(a, "thread").startsWith("async-abc-")), all());
        assertTrue(as("after").stream().anyMatch(a -> field(a, "group").equals("null")
                && field(a, "thread").startsWith("async-timer-")), all());
        assertTrue(stderr.contains("threw java.lang.IllegalStateException: boom from " + H + "AsyncRoutes::boom"), all());
        assertTrue(stdout.contains("MB Async errors=3\n"), all());
        assertTrue(stdout.lines().anyMatch(l -> l.startsWith("MB AsyncGroup abc ") && l.contains(" errors=3 ")), all());
    }

    @Test
    void hundredsOfDelayedRoutesAllRun() {
        assertTrue(stdout.contains("COUNT 300\n"), all());
    }

    @Test
    void theMBeansShowTheDelayedRoutesAndEveryGroup() {
        assertTrue(stdout.contains("MB Async timerThreads=2\n"), all());
        assertTrue(stdout.contains("MB Async groups=4\n"), all());
        assertTrue(stdout.contains("MB Async pending=0\n"), all());
        long run = Long.parseLong(stdout.lines().filter(l -> l.startsWith("MB Async run=")).findFirst()
                .orElseThrow().substring("MB Async run=".length()));
        assertTrue(run >= 307, "ms200, sec1, sleep, 3 boom, after and 300 counts: " + run);
        assertTrue(stdout.contains("MB AsyncGroup abc workers=4 queued=0 completed=6 errors=3 nonblock=false usleep=0"
                + " queueBound=10000\n"), all());
        assertTrue(stdout.contains("MB AsyncGroup nb workers=1 "), all());
        assertTrue(stdout.lines().anyMatch(l -> l.matches("MB AsyncGroup nb .* nonblock=true usleep=0 queueBound=2")),
                all());
        assertTrue(stdout.contains("MB AsyncGroup tkv workers=1 queued=0 completed=3 errors=0"), all());
    }

    @Test
    void threadsAreNamedAfterTimerOrGroupAndAreDaemons() {
        String threads = stdout.lines().filter(l -> l.startsWith("THREADS ")).findFirst().orElseThrow();
        assertEquals("THREADS async-abc-0,async-abc-1,async-abc-2,async-abc-3,async-default-0,async-default-1,"
                + "async-default-2,async-nb-0,async-timer-0,async-timer-1,async-tkv-0", threads, all());
    }

    @Test
    void asyncListShowsTimersAndGroupsOverTheCommandLine() {
        assertTrue(list.startsWith("0\nasync timer_threads=2 pending=5 "), list);
        assertTrue(list.contains("  group abc: workers=4 queued=0 completed=6 errors=3 nonblock=0 usleep=0 queue=10000\n"),
                list);
        assertTrue(list.contains("  tkv: group=tkv route=" + H + "AsyncRoutes::event\n"), list);
    }

    @Test
    void atShutdownTheDelayedRoutesNotYetDueAreDroppedAndCounted() {
        assertTrue(stderr.contains("ptimer: async: 5 delayed routes not yet due dropped at shutdown"), all());
        assertTrue(as("late").isEmpty(), all());
    }

    @Test
    void noAsyncThreadWhenAsyncIsNeitherConfiguredNorUsed() throws IOException, InterruptedException {
        ChildJvm.Result r = new ChildJvm().agent("").run(TIMEOUT, H + "AsyncHost", "idle");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("THREADS "), r.lines("THREADS"), r::toString);
    }

    @Test
    void withTheAgentJarOnlyOnTheClassPathTheEngineStartsAtTheFirstCall() throws Exception {
        ChildJvm.Result r = new ChildJvm().classpath(ChildJvm.testClasspath() + java.io.File.pathSeparator
                + ChildJvm.agentJar()).run(TIMEOUT, H + "AsyncHost", "minimal");
        assertEquals(0, r.exit(), r::toString);
        String[] ms = r.lines("AS ms200 ").get(0).split(" ");
        assertTrue(after(ms) >= 200, r::toString);
        assertTrue(r.stdout().contains("AS data thread=async-default-0 after=- group=default data=[in process]"),
                r::toString);
        assertEquals(List.of("THREADS async-default-0,async-timer-0"), r.lines("THREADS"), r::toString);
    }

    @Test
    void withNoAgentJarEveryCallSaysToAddTheAgent() throws Exception {
        Path api = Path.of(System.getProperty("ptimer.api.classes", "../api/target/classes")).toAbsolutePath();
        ChildJvm.Result r = new ChildJvm().classpath(ChildJvm.testClasspath() + java.io.File.pathSeparator + api)
                .run(TIMEOUT, H + "AsyncHost", "minimal");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.stderr().contains("java.lang.IllegalStateException: no ptimer engine in this JVM: add"
                + " -javaagent:ptimer-agent.jar to the java command (or put ptimer-agent.jar on the class path)"),
                r::toString);
    }
}
