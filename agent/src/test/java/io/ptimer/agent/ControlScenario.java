package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ControlProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The operator's walk through every request, for all workers and for one, and the error cases,
 * run the same way through each tool. The host runs {@link #TIMERS}: {@code q}, a 100 ms sync timer
 * with two workers, and {@code slow}, a basic timer with a 10 s interval.
 */
final class ControlScenario {
    static final String TIMERS = ControlProcess.timer("q", "type=1;interval=100ms;nworkers=2") + ","
            + ControlProcess.timer("slow", "type=0;interval=10s");
    private static final Duration SOON = Duration.ofSeconds(5);
    /** Much less than slow's 10 s interval, even on a loaded machine. */
    private static final Duration AT_ONCE = Duration.ofSeconds(4);

    /** One way to reach the agent: jmxterm on either MBean, or the agent's command line. */
    interface Operator {
        Reply request(String command, String timer, Integer worker) throws IOException, InterruptedException;

        String list() throws IOException, InterruptedException;
    }

    /** What a tool said; {@code ok} when it reported success. */
    record Reply(boolean ok, String text) {
    }

    private final ControlProcess host;
    private final Operator op;

    ControlScenario(ControlProcess host, Operator op) {
        this.host = host;
        this.op = op;
    }

    private void ok(String command, String timer, Integer worker, String expected) throws Exception {
        Reply r = op.request(command, timer, worker);
        assertTrue(r.ok(), command + " " + timer + " " + worker + " failed: " + r.text());
        assertTrue(r.text().contains(expected), "expected \"" + expected + "\" in: " + r.text());
    }

    /**
     * Asserts that the timer's worker (or each, with null) stops looping. The host prints its workers'
     * states between the route's own lines ({@code STATE <timer> <worker>=<state> ...}, in one ordered
     * stream); from the first line that shows them paused or ended, no loop may follow for 0.7 s,
     * seven of q's intervals.
     */
    private void noLoops(String timer, Integer worker) throws InterruptedException {
        List<Integer> workers = worker == null ? List.of(0, 1) : List.of(worker);
        int after = host.awaitMatch(host.mark(), line -> line.startsWith("STATE " + timer + " ") && workers.stream()
                .allMatch(w -> line.contains(" " + w + "=paused") || line.contains(" " + w + "=ended")),
                timer + " " + workers + " paused", SOON);
        Thread.sleep(700);
        assertEquals(List.of(), host.since(after, prefix("loop", timer, worker)), "no loop expected once paused: " + host);
    }

    private void loops(String timer, int worker) throws InterruptedException {
        host.await(host.mark(), prefix("loop", timer, worker), SOON);
    }

    private static String prefix(String route, String timer, Integer worker) {
        return "EV " + route + " " + timer + " " + (worker == null ? "" : worker + " ");
    }

    private String workerLine(String timer, int worker) throws Exception {
        String list = op.list();
        int at = list.indexOf("timer " + timer + ":");
        assertTrue(at >= 0, list);
        String block = list.substring(at);
        int next = block.indexOf("\ntimer ");
        block = next < 0 ? block : block.substring(0, next);
        for (String line : block.split("\n")) {
            if (line.startsWith("  worker " + worker + ":")) {
                return line;
            }
        }
        throw new AssertionError("no worker " + worker + " of " + timer + " in:\n" + list);
    }

    void run() throws Exception {
        String list = op.list();
        assertTrue(list.contains("timer q: type=1 (sync) interval=100ms nworkers=2"), list);
        assertTrue(list.contains("timer slow: type=0 (basic) interval=10s nworkers=1"), list);

        ok("pause", "q", null, "pause sent to timer \"q\" (2 workers)");
        noLoops("q", null);
        assertTrue(workerLine("q", 0).contains("paused=1 route=loop state=paused"), workerLine("q", 0));
        assertTrue(workerLine("q", 1).contains("paused=1"), workerLine("q", 1));

        ok("continue", "q", 1, "continue sent to timer \"q\" worker 1");
        loops("q", 1);
        noLoops("q", 0);
        ok("continue", "q", null, "continue sent");
        loops("q", 0);

        int m = host.mark();
        ok("end", "q", 0, "end sent to timer \"q\" worker 0");
        host.await(m, prefix("end", "q", 0), SOON);
        noLoops("q", 0);
        loops("q", 1);
        assertTrue(workerLine("q", 0).contains("paused=1 route=none state=ended"), workerLine("q", 0));
        ok("continue", "q", 0, "continue sent");
        noLoops("q", 0);
        m = host.mark();
        ok("start", "q", 0, "start sent");
        host.await(m, prefix("start", "q", 0), SOON);
        loops("q", 0);

        ok("pause", "q", 1, "pause sent");
        noLoops("q", 1);
        m = host.mark();
        ok("loop", "q", 1, "loop sent");
        loops("q", 1);
        assertEquals(0, host.since(m, prefix("start", "q", 1)).size(), "loop jumps to the loop route, not to start");

        m = host.mark();
        ok("start", "q", null, "start sent");
        host.await(m, prefix("start", "q", 0), SOON);
        host.await(m, prefix("start", "q", 1), SOON);
        m = host.mark();
        ok("end", "q", null, "end sent");
        host.await(m, prefix("end", "q", 0), SOON);
        host.await(m, prefix("end", "q", 1), SOON);
        noLoops("q", null);
        m = host.mark();
        ok("loop", "q", null, "loop sent");
        loops("q", 0);
        loops("q", 1);
        assertEquals(0, host.since(m, "EV start q ").size(), "loop after end enters the loop without start");

        Reply bad = op.request("pause", "q", 5);
        assertFalse(bad.ok(), bad.text());
        assertTrue(bad.text().contains("timer \"q\" has no worker 5 (workers: 0..1)"), bad.text());
        loops("q", 0);
        loops("q", 1);
        assertTrue(workerLine("q", 1).contains("paused=0"), "a refused request changes nothing");

        m = host.mark();
        ok("end", "slow", null, "end sent");
        host.await(m, prefix("end", "slow", 0), AT_ONCE);
        m = host.mark();
        ok("start", "slow", 0, "start sent");
        host.await(m, prefix("start", "slow", 0), AT_ONCE);
        ok("pause", "slow", null, "pause sent");
        host.eventually("slow pauses at once although it sleeps for 10 s", h -> {
            try {
                return workerLine("slow", 0).contains("paused=1 route=loop state=paused");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        m = host.mark();
        ok("loop", "slow", null, "loop sent");
        host.await(m, prefix("loop", "slow", 0), AT_ONCE);
        m = host.mark();
        ok("end", "slow", 0, "end sent");
        host.await(m, prefix("end", "slow", 0), AT_ONCE);
    }

    /** Unknown timer names are reported with the names that exist (the manager and the CLI). */
    void unknownTimerNamesWhatExists() throws Exception {
        for (Integer worker : new Integer[] {null, 0}) {
            Reply bad = op.request("pause", "nope", worker);
            assertFalse(bad.ok(), bad.text());
            assertTrue(bad.text().contains("unknown timer \"nope\" (timers: q, slow)"), bad.text());
        }
        loops("q", 0);
        loops("q", 1);
    }
}
