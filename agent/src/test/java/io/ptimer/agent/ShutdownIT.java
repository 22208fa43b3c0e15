package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * End routes at shutdown take at most {@code shutdown_timeout} all together, not per worker or per
 * timer: shutdown is timed from the host's last line to the child JVM's exit, as a user would see it.
 */
class ShutdownIT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /**
     * What a busy machine may add between the shutdown hook's return and the exit being seen: the JVM's
     * own exit and the test's notice of it, some 10-20 ms on a quiet machine.
     */
    private static final long EXIT_SLACK_MS = 400;

    private static String slowTimer(String name, String attrs) {
        return "timer=name=" + name + ";" + attrs + ",loop=timer=" + name + ";route=" + H + "SlowEnd::loop"
                + ",end=timer=" + name + ";route=" + H + "SlowEnd::end";
    }

    /** Milliseconds from the moment main left to the moment the child JVM was seen to exit. */
    private static long shutdownMillis(ChildJvm.Result r) {
        String leaves = r.lines("MAIN leaves").get(0);
        return r.endedMillis() - Long.parseLong(ChildJvm.field(leaves.split(" "), "at"));
    }

    @Test
    void sixEndRoutesOfThreeSecondsEachAllFinishWithinTheDefaultFiveSeconds() throws Exception {
        String args = slowTimer("a", "interval=20ms;nworkers=4") + "," + slowTimer("b", "type=1;interval=10s;nworkers=2");
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dhost.millis=300", "-Dslow.a=3000", "-Dslow.b=3000")
                .run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(4, r.lines("EV end a ").stream().filter(l -> l.endsWith(" done")).count(), r::toString);
        assertEquals(2, r.lines("EV end b ").stream().filter(l -> l.endsWith(" done")).count(),
                "every end route completes: together they take 3 s, not 6 x 3 s\n" + r);
        assertFalse(r.stderr().contains("shutdown timeout"), r::toString);
        long took = shutdownMillis(r);
        assertTrue(took >= 2900, "the JVM waited for the end routes: " + took + " ms");
        assertTrue(took < 3000 + EXIT_SLACK_MS, "the end routes ran side by side, within the default 5 s: "
                + took + " ms");
    }

    @Test
    void theJvmExitsAtTheDefaultBoundWhenEndRoutesDoNotReturn() throws Exception {
        String args = slowTimer("stuck", "interval=20ms;nworkers=3") + "," + slowTimer("quick", "interval=20ms");
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dhost.millis=300", "-Dslow.stuck=-1", "-Dslow.quick=500")
                .run(TIMEOUT, H + "Host");
        assertBoundedExit(r, 0, "5s", 5000);
    }

    @Test
    void theJvmExitsAtAConfiguredBoundAfterSystemExit() throws Exception {
        String args = "shutdown_timeout=2s," + slowTimer("stuck", "interval=20ms;nworkers=3") + ","
                + slowTimer("quick", "interval=20ms");
        ChildJvm.Result r = new ChildJvm().agent(args)
                .jvm("-Dhost.millis=300", "-Dhost.exit=4", "-Dslow.stuck=-1", "-Dslow.quick=500")
                .run(TIMEOUT, H + "Host");
        assertBoundedExit(r, 4, "2s", 2000);
    }

    @Test
    void aWorkerPausedMidCycleRunsItsEndRouteAndOneNeverStartedRunsNone() throws Exception {
        String args = String.join(",",
                "timer=name=mid;type=1;interval=20ms;nworkers=2", "start=timer=mid;route=" + H + "Jobs::start",
                "loop=timer=mid;route=" + H + "Jobs::loop", "end=timer=mid;route=" + H + "Jobs::end",
                "timer=name=idle;interval=20ms;autostart=0", "start=timer=idle;route=" + H + "Jobs::start",
                "loop=timer=idle;route=" + H + "Jobs::loop", "end=timer=idle;route=" + H + "Jobs::end");
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dhost.millis=1000", "-Dhost.pause=mid:0")
                .run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, r.lines("PAUSED mid 0").size(), r::toString);
        assertEquals(1, r.events("end", "mid", 0).size(), "the paused worker ran its end route\n" + r);
        assertEquals(1, r.events("end", "mid", 1).size(), "the running worker ran its end route\n" + r);
        List<String> lines = r.stdout().lines().collect(Collectors.toList());
        int paused = lines.indexOf("PAUSED mid 0");
        long loopsAfterPause = lines.subList(paused, lines.size()).stream().filter(l -> l.startsWith("EV loop mid 0 ")).count();
        assertTrue(loopsAfterPause <= 1, "worker 0 stayed paused (a loop under way may finish): " + loopsAfterPause);
        int leaves = lines.indexOf(r.lines("MAIN leaves").get(0));
        assertTrue(lines.subList(leaves, lines.size()).stream().anyMatch(l -> l.startsWith("EV end mid 0 ")),
                "worker 0's end route ran at shutdown, not before\n" + r);
        assertEquals(0, r.events("start", "idle").size() + r.events("loop", "idle").size()
                + r.events("end", "idle").size(), "a worker that never started runs no route at shutdown\n" + r);
    }

    /** Three end routes that never return, one that takes 0.5 s: the JVM exits at the bound, once, not per worker. */
    private static void assertBoundedExit(ChildJvm.Result r, int exit, String bound, long boundMillis) {
        assertEquals(exit, r.exit(), r::toString);
        assertEquals(3, r.lines("EV end stuck ").size(), "every stuck worker began its end route\n" + r);
        assertEquals(1, r.lines("EV end quick ").stream().filter(l -> l.endsWith(" done")).count(), r::toString);
        assertTrue(r.stderr().contains("ptimer: shutdown timeout " + bound + " reached; workers still running: "
                + "ptimer-stuck-0 (in end), ptimer-stuck-1 (in end), ptimer-stuck-2 (in end)"), r::toString);
        long took = shutdownMillis(r);
        assertTrue(took >= boundMillis - 100, "the JVM waited up to the bound: " + took + " ms");
        assertTrue(took < boundMillis + EXIT_SLACK_MS, "the JVM exits at the " + bound + " bound, not "
                + "three times it: " + took + " ms");
    }
}
