package io.ptimer.agent;

import static io.ptimer.agent.support.ControlProcess.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code set} as an operator drives it: the command line on a running host, the loops' own values and
 * spacing read from outside, the refusals, the listing and the JMX notifications.
 */
class LiveSetIT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String CONFIG = "timer=name=shaper;type=3;interval=1s;ntasks=100;nslices=2"
            + ",start=timer=shaper;route=" + H + "SetRoutes::start,loop=timer=shaper;route=" + H + "SetRoutes::loop"
            + ",rtimer.timer=name=rt;mode=1;interval=30s,rtimer.exec=timer=rt;route=" + H + "SetRoutes::run";

    /** The times (ms since the host started) of the lines since {@code mark} starting with {@code prefix}. */
    private static List<Double> times(ControlProcess host, int mark, String prefix) {
        return host.since(mark, prefix).stream().map(l -> Double.parseDouble(l.split(" ")[4]))
                .collect(Collectors.toList());
    }

    @Test
    void setChangesRunningTimersFromTheNextLoopAndRefusesWhatIsNotAllowed() throws Exception {
        try (ControlProcess host = ControlProcess.start(new ChildJvm().agent(CONFIG).jvm("-Dhost.notes=shaper"))) {
            host.await(0, "LISTENING shaper", SOON);
            host.await(0, "EV loop shaper 0 ", SOON);
            String pid = String.valueOf(host.pid());

            int m = host.mark();
            ControlProcess.Run set = ControlProcess.cli(pid, "set", "shaper", "ntasks=1500");
            assertExit(0, set);
            assertEquals("set ntasks=1500 on timer \"shaper\" (1 worker)\n", set.stdout(), set::toString);
            int returned = host.mark();
            int applied = host.awaitMatch(returned, l -> l.startsWith("EV loop shaper 0 ")
                    && l.contains(" tasks=750 ntasks=1500 "), "a loop with the new ntasks, half of it in each of the two"
                    + " slices", Duration.ofSeconds(5));
            int before = host.since(returned, "EV loop shaper 0 ").size() - host.since(applied, "EV loop shaper 0 ").size() - 1;
            assertTrue(before <= 1, "in force from the next loop, or the one after a loop under way: " + before
                    + " loops with the old values after set returned");
            host.await(m, "NOTE io.ptimer.timer.set shaper -1 ntasks=1500", SOON);

            m = host.mark();
            assertExit(0, ControlProcess.cli(pid, "ptimer.set", "shaper", "interval=50ms", "0"));
            host.await(m, "NOTE io.ptimer.timer.set shaper 0 interval=50ms", SOON);
            Thread.sleep(1000);
            List<Double> at = times(host, m, "EV loop shaper 0 ");
            assertTrue(at.size() >= 10, "the 1 s wait was cut short and loops come every 50 ms: " + at);
            double gaps = (at.get(at.size() - 1) - at.get(1)) / (at.size() - 2);
            assertTrue(gaps > 45 && gaps < 80, "loops 50 ms apart on average: " + gaps + " ms " + at);

            for (String[] bad : new String[][] {{"shaper", "workers=2"}, {"shaper", "ntasks=-5"},
                {"shaper", "interval=fast"}, {"nope", "ntasks=1"}}) {
                ControlProcess.Run refused = ControlProcess.cli(pid, "set", bad[0], bad[1]);
                assertExit(1, refused);
                assertEquals(1, refused.stderr().strip().lines().count(), "one line: " + refused);
                assertTrue(refused.stderr().startsWith("ptimer: "), refused::toString);
            }
            assertTrue(ControlProcess.cli(pid, "set", "shaper", "workers=2").stderr()
                    .contains("\"workers\" cannot be set (settable: interval, ntasks, nslices)"));
            assertTrue(ControlProcess.cli(pid, "set", "nope", "ntasks=1").stderr().contains("unknown timer \"nope\""));
            assertTrue(ControlProcess.cli(pid, "set", "shaper", "ntasks=1", "4").stderr()
                    .contains("timer \"shaper\" has no worker 4 (workers: 0..0)"));

            ControlProcess.Run list = ControlProcess.cli(pid, "list");
            assertTrue(list.stdout().startsWith("timer shaper: type=3 (synced_slice) interval=1s nworkers=1 ntasks=1500"
                    + " nslices=2"), list::toString);
            assertTrue(list.stdout().contains("  worker 0: pid=") && list.stdout().contains(" interval=50ms ntasks=1500"),
                    list::toString);

            m = host.mark();
            ControlProcess.Run rt = ControlProcess.cli(pid, "rtimer.set", "rt", "interval=40ms");
            assertExit(0, rt);
            assertEquals("set interval=40ms on rtimer \"rt\"\n", rt.stdout(), rt::toString);
            Thread.sleep(1000);
            List<Double> runs = times(host, m, "RT run rt 0 ");
            assertTrue(runs.size() >= 10, "the rtimer's 30 s wait was cut short: " + runs);
            assertTrue(host.since(m, "RT run rt 0 ").get(runs.size() - 1).endsWith("interval=40ms"));
            ControlProcess.Run rtBad = ControlProcess.cli(pid, "rtimer.set", "rt", "mode=2");
            assertExit(1, rtBad);
            assertTrue(rtBad.stderr().contains("set takes interval=<value>"), rtBad::toString);
            assertTrue(ControlProcess.cli(pid, "rtimer.list").stdout().contains("rtimer rt: mode=1 interval=40ms"));

            m = host.mark();
            assertExit(0, ControlProcess.cli(pid, "start", "shaper"));
            String start = host.await(m, "EV start shaper 0 ", SOON);
            assertTrue(start.endsWith("ntasks=1500 nslices=2 slice=0 interval=50ms"),
                    "a later start begins from the settings: " + start);
        }
    }
}
