package io.ptimer.agent;

import static io.ptimer.agent.support.ControlProcess.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Kamailio's rtimer module through the agent jar: modes, threads, exec order, fixed delay, errors, control. */
class RtimerIT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static final String R = H + "Rtimers::";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static String timer(String name, String attrs, String... routes) {
        StringBuilder b = new StringBuilder("rtimer.timer=name=" + name + ";" + attrs);
        for (String r : routes) {
            b.append(",rtimer.exec=timer=").append(name).append(";route=").append(R).append(r);
        }
        return b.toString();
    }

    /** Lines {@code RT route timer worker ms thread ...}, split. */
    private static List<String[]> lines(ChildJvm.Result r, String route, String timer) {
        return r.lines("RT " + route + " " + timer + " ").stream().map(l -> l.split(" ")).collect(Collectors.toList());
    }

    @Test
    void modesThreadsOrderAndErrors() throws Exception {
        String args = String.join(",",
                timer("shared", "interval=100ms", "first", "boom", "second"),
                timer("ded", "interval=50ms;mode=2", "first", "counted"),
                timer("micro", "interval=40000u", "first"),
                timer("slow", "interval=100ms;mode=1", "slow"));
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dhost.millis=1500").run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);

        List<String[]> shared = lines(r, "first", "shared");
        assertTrue(shared.size() >= 5, "mode 0 runs: " + r);
        assertTrue(shared.stream().allMatch(l -> l[5].equals("ptimer-core") && l[3].equals("0") && l[6].equals("mode=0")),
                "mode 0 runs on the shared ptimer-core thread as worker 0: " + r);
        List<String> order = r.stdout().lines().filter(l -> l.startsWith("RT ") && (l.contains(" shared ")
                || l.startsWith("RT second"))).map(l -> l.split(" ")[1]).toList();
        for (int i = 0; i + 2 < order.size(); i += 3) {
            assertEquals(List.of("first", "boom", "second"), order.subList(i, i + 3),
                    "exec routes in the order written; an exception does not stop the next: " + order);
        }

        Set<String> dedThreads = lines(r, "first", "ded").stream().map(l -> l[3] + "@" + l[5])
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("0@rtimer-ded-0", "1@rtimer-ded-1"), dedThreads, "each of the 2 threads runs every route");
        for (int w = 0; w < 2; w++) {
            String worker = String.valueOf(w);
            List<Integer> counts = lines(r, "counted", "ded").stream().filter(l -> l[3].equals(worker))
                    .map(l -> Integer.parseInt(l[6].substring("count=".length()))).toList();
            assertTrue(counts.size() >= 5, r::toString);
            for (int i = 0; i < counts.size(); i++) {
                assertEquals(i + 1, counts.get(i), "one instance per thread, kept across runs: " + counts);
            }
        }

        List<String[]> micro = lines(r, "first", "micro");
        assertTrue(!micro.isEmpty() && micro.stream().allMatch(l -> l[5].equals("rtimer-micro-0")
                && l[6].equals("mode=1") && l[7].equals("interval=40ms")), "a microsecond interval with mode 0 gets"
                + " a thread of its own, shown as mode 1: " + r);

        List<String[]> starts = lines(r, "slow-start", "slow");
        List<String[]> ends = lines(r, "slow-end", "slow");
        assertTrue(starts.size() >= 3, r::toString);
        for (int k = 1; k < Math.min(starts.size(), ends.size()); k++) {
            double delay = Double.parseDouble(starts.get(k)[4]) - Double.parseDouble(ends.get(k - 1)[4]);
            assertTrue(delay >= 99, "fixed delay: run " + k + " started " + delay + " ms after the last ended");
        }
        assertTrue(r.stderr().contains("ptimer: rtimer \"shared\" thread 0: exec route " + R
                + "boom threw java.lang.IllegalStateException: boom in shared"), r::toString);
        assertTrue(r.lines("THREAD ").contains("THREAD ptimer-core daemon=true"), r::toString);
        assertTrue(r.elapsed().compareTo(Duration.ofSeconds(30)) < 0, "the rtimer threads are daemons: main's end ends the JVM");
    }

    @Test
    void pauseAndContinueThroughJmxtermAndTheCommandLine() throws Exception {
        String args = timer("ta", "interval=20ms;mode=2", "first");
        try (ControlProcess host = ControlProcess.start(new ChildJvm().agent(args).jvm("-Dhost.millis=60000"))) {
            host.await(0, "RT first ta 1 ", Duration.ofSeconds(20));
            Thread.sleep(1500);
            ControlProcess.Run list = ControlProcess.cli(String.valueOf(host.pid()), "rtimer.list");
            assertExit(0, list);
            assertTrue(list.stdout().startsWith("rtimer ta: mode=2 interval=20ms exec=" + R + "first status=running\n"),
                    list::toString);
            assertTrue(list.stdout().contains("  thread 1: rtimer-ta-1 state="), list::toString);

            ControlProcess.Run paused = ControlProcess.cli(String.valueOf(host.pid()), "rtimer.pause", "ta", "1");
            assertExit(0, paused);
            assertEquals("pause sent to rtimer \"ta\" thread 1\n", paused.stdout());
            Thread.sleep(200);
            int mark = host.mark();
            Thread.sleep(400);
            assertTrue(host.since(mark, "RT first ta 1 ").isEmpty(), "thread 1 is paused");
            assertTrue(host.since(mark, "RT first ta 0 ").size() >= 3, "thread 0 goes on");

            ControlProcess.Run jmx = host.jmxterm("bean io.ptimer:type=RTimer,name=ta", "get -s mode interval",
                    "run continue 1");
            assertExit(0, jmx);
            assertTrue(jmx.stdout().contains("2\n20ms\n"), jmx::toString);
            mark = host.mark();
            host.await(mark, "RT first ta 1 ", Duration.ofSeconds(10));

            ControlProcess.Run unknown = ControlProcess.cli(String.valueOf(host.pid()), "rtimer.pause", "nope");
            assertExit(1, unknown);
            assertEquals("ptimer: unknown rtimer \"nope\" (rtimers: ta)\n", unknown.stderr());
            ControlProcess.Run noThread = ControlProcess.cli(String.valueOf(host.pid()), "rtimer.continue", "ta", "7");
            assertExit(1, noThread);
            assertEquals("ptimer: rtimer \"ta\" has no thread 7 (threads: 0..1)\n", noThread.stderr());
        }
    }

    @Test
    void everyRtimerIsInTheListOfTheManager() throws Exception {
        List<String> args = new ArrayList<>();
        args.add(timer("a", "interval=1s", "first"));
        args.add("timer=name=p;interval=1s,loop=timer=p;route=" + H + "Jobs::loop");
        try (ControlProcess host = ControlProcess.start(new ChildJvm().agent(String.join(",", args))
                .jvm("-Dhost.millis=60000"))) {
            host.await(0, "RT first a 0 ", Duration.ofSeconds(20));
            ControlProcess.Run list = ControlProcess.cli(String.valueOf(host.pid()), "list");
            assertExit(0, list);
            assertTrue(list.stdout().contains("timer p: type=0") && list.stdout().contains("rtimer a: mode=0"),
                    list::toString);
        }
    }
}
