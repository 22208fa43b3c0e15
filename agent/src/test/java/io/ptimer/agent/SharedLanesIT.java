package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Workers with {@code thread=shared} through the agent jar: at shutdown, end routes that each sleep
 * 3 s still run side by side, as each one that blocks its lane gets a thread of its own and the lane
 * goes on with the next; and end routes that never return are named as the workers' threads are.
 */
class SharedLanesIT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long EXIT_SLACK_MS = 600;

    private static String slowTimer(String name, String attrs) {
        return "timer=name=" + name + ";thread=shared;" + attrs + ",loop=timer=" + name + ";route=" + H
                + "SlowEnd::loop,end=timer=" + name + ";route=" + H + "SlowEnd::end";
    }

    @Test
    void sixEndRoutesOfThreeSecondsOnSharedLanesAllFinishWithinTheDefaultFiveSeconds() throws Exception {
        String args = slowTimer("a", "interval=20ms;nworkers=4") + "," + slowTimer("b", "type=1;interval=10s;nworkers=2");
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dhost.millis=300", "-Dslow.a=3000", "-Dslow.b=3000")
                .run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(6, r.lines("EV end ").stream().filter(l -> l.endsWith(" done")).count(),
                "every end route completes: together they take 3 s, not 6 x 3 s\n" + r);
        assertFalse(r.stderr().contains("shutdown timeout"), r::toString);
        String leaves = r.lines("MAIN leaves").get(0);
        long took = r.endedMillis() - Long.parseLong(ChildJvm.field(leaves.split(" "), "at"));
        assertTrue(took < 3000 + EXIT_SLACK_MS, "the end routes ran side by side: " + took + " ms");
    }

    @Test
    void endRoutesThatNeverReturnAreNamedByTheirWorkersAtTheBound() throws Exception {
        String args = "shutdown_timeout=2s," + slowTimer("stuck", "interval=20ms;nworkers=3");
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dhost.millis=300", "-Dslow.stuck=-1")
                .run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(3, r.lines("EV end stuck ").size(), "every stuck worker began its end route\n" + r);
        assertTrue(r.stderr().contains("ptimer: shutdown timeout 2s reached; workers still running: "
                + "ptimer-stuck-0 (in end), ptimer-stuck-1 (in end), ptimer-stuck-2 (in end)"), r::toString);
    }
}
