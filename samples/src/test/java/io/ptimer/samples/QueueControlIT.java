package io.ptimer.samples;

import static io.ptimer.samples.SampleRun.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The queue-control sample's outcome (Kamailio ptimer module documentation, section 6.3.1),
 * switched over by an operator with the agent's
 * command line from another JVM, as the docs show.
 */
class QueueControlIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void afterTheSwitchEveryQueuedCallGoesToTheHolidayTargetAndNoneIsLostOrRelayedTwice() throws Exception {
        SampleRun run = SampleRun.start("queue-control.cfg", "io.ptimer.samples.queuecontrol.QueueControl",
                "--manual", "--seconds", "9");
        try {
            run.awaitLine("   2 ", TIMEOUT);
            cli(run.pid(), "pause", "normal_timer");
            cli(run.pid(), "continue", "holiday_timer");
            run.awaitLine("   5 ", TIMEOUT);
            cli(run.pid(), "pause", "holiday_timer");
            cli(run.pid(), "continue", "normal_timer");
            assertEquals(0, run.await(TIMEOUT), run::toString);
        } finally {
            run.destroy();
        }
        Map<String, String> f = run.figures(null);
        assertEquals(0, num(f, "lost"), run::toString);
        assertEquals(0, num(f, "twice"), run::toString);
        assertEquals(num(f, "offered"), num(f, "relayed") + num(f, "queued"), run::toString);
        assertEquals(2, num(f, "switches"), "PSTN, then IVR, then PSTN again\n" + run);
        assertEquals(0, num(f, "pstn_during_holiday"), run::toString);
        assertTrue(num(f, "ivr") >= 50, "a holiday of about 3 s at 50 calls/s went to the IVR\n" + run);
        assertTrue(num(f, "pstn") >= 100, run::toString);
    }

    /** {@code java -jar ptimer-agent.jar <pid> <op> <timer>}, which must succeed. */
    static void cli(long pid, String op, String timer) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                SampleRun.agentJar().toString(), String.valueOf(pid), op, timer).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), op + " " + timer + " did not return");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), op + " " + timer + ": " + out);
        assertTrue(out.contains(op + " sent to timer \"" + timer + "\""), out);
    }
}
