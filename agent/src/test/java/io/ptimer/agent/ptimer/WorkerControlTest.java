package io.ptimer.agent.ptimer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.support.Await;
import io.ptimer.api.TimerType;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The semantics of pause / continue / start / loop / end on real workers, in process. */
class WorkerControlTest {
    private Ptimer timer;

    @BeforeEach
    void clean() {
        Recorder.reset();
    }

    @AfterEach
    void stop() throws InterruptedException {
        CountDownLatch g = Recorder.gate;
        if (g != null) {
            g.countDown();
        }
        if (timer != null) {
            for (Worker w : timer.workers()) {
                w.shutdown();
                w.awaitStop(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    private Worker start(String name, TimerType type, long intervalMillis, int nworkers, boolean autostart)
            throws ConfigException {
        timer = Timers.started(name, type, intervalMillis * 1000, nworkers, 0, 1, autostart, Recorder.class);
        return timer.worker(0);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, 10, condition);
    }

    private static long count(List<String> events, String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }

    @Test
    void requestsActAtOnceOnAWorkerSleepingTenSeconds() throws Exception {
        Worker w = start("slow", TimerType.BASIC, 10_000, 1, true);
        await("start", () -> count(Recorder.events("slow", 0), "start") == 1);
        await("sleeping", () -> w.state().equals("sleeping"));
        long t0 = System.nanoTime();
        w.request(Request.PAUSE);
        await("paused", () -> w.state().equals("paused"));
        w.request(Request.of("end"));
        await("end", () -> count(Recorder.events("slow", 0), "end") == 1);
        w.request(Request.of("loop"));
        await("loop", () -> count(Recorder.events("slow", 0), "loop") == 1);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "none of them waited for the 10 s interval");
    }

    @Test
    void pauseWaitsForTheRunningRouteAndContinueResumes() throws Exception {
        Recorder.gate = new CountDownLatch(1);
        Worker w = start("gated", TimerType.SYNC, 10, 1, true);
        await("loop running", () -> "loop".equals(w.state()));
        w.request(Request.PAUSE);
        Thread.sleep(100);
        assertEquals("loop", w.state(), "a route is never cut off");
        Recorder.gate.countDown();
        await("paused", () -> w.state().equals("paused"));
        int loops = (int) count(Recorder.events("gated", 0), "loop");
        Thread.sleep(100);
        assertEquals(loops, count(Recorder.events("gated", 0), "loop"), "a paused worker runs nothing");
        w.request(Request.CONTINUE);
        await("loops again", () -> count(Recorder.events("gated", 0), "loop") > loops + 2);
        assertEquals(1, count(Recorder.events("gated", 0), "start"), "continue does not restart");
    }

    @Test
    void startBeginsAFreshCycleAndEndedWorkersIgnoreContinueAndEnd() throws Exception {
        Worker w = start("cycle", TimerType.SYNC, 10, 1, true);
        await("loops", () -> count(Recorder.events("cycle", 0), "loop") >= 2);
        w.request(Request.of("end"));
        await("ended", () -> w.state().equals("ended"));
        List<String> events = Recorder.events("cycle", 0);
        String first = events.get(0);
        assertTrue(first.startsWith("start#") && first.endsWith("vars=[]"), first);
        String instance = first.substring(6, first.indexOf(' '));
        assertEquals("end#" + instance + " vars=[since]", events.get(events.size() - 1), "end runs on the start's instance with its vars");
        w.request(Request.CONTINUE);
        w.request(Request.of("end"));
        Thread.sleep(150);
        assertEquals(events.size(), Recorder.events("cycle", 0).size(), "continue and end change nothing after end");
        assertTrue(w.paused());
        w.request(Request.of("start"));
        await("restarted", () -> count(Recorder.events("cycle", 0), "loop#") > count(events, "loop#") + 1);
        String restart = Recorder.events("cycle", 0).get(events.size());
        assertTrue(restart.startsWith("start#") && restart.endsWith("vars=[]"), "fresh instance and vars: " + restart);
        assertFalse(restart.startsWith("start#" + instance + " "), restart);
    }

    @Test
    void loopAfterEndRunsTheLoopWithoutStart() throws Exception {
        Worker w = start("lp", TimerType.SYNC, 10, 1, true);
        await("loops", () -> count(Recorder.events("lp", 0), "loop") >= 1);
        w.request(Request.of("end"));
        await("ended", () -> w.state().equals("ended"));
        int size = Recorder.events("lp", 0).size();
        w.request(Request.of("loop"));
        await("loops again", () -> Recorder.events("lp", 0).size() > size + 2);
        List<String> after = Recorder.events("lp", 0).subList(size, size + 2);
        assertTrue(after.get(0).startsWith("loop#") && after.get(0).endsWith("vars=[]"), after.toString());
        assertEquals(1, count(Recorder.events("lp", 0), "start"));
    }

    @Test
    void queuedRequestsApplyInOrderAfterTheRunningRoute() throws Exception {
        Recorder.gate = new CountDownLatch(1);
        Worker w = start("order", TimerType.SYNC, 10, 1, true);
        await("loop running", () -> "loop".equals(w.state()));
        w.request(Request.of("end"));
        w.request(Request.of("start"));
        w.request(Request.PAUSE);
        Recorder.gate.countDown();
        await("paused after restart", () -> w.state().equals("paused") && count(Recorder.events("order", 0), "start") == 2);
        List<String> events = Recorder.events("order", 0);
        assertTrue(events.get(events.size() - 2).startsWith("end#"), events.toString());
        assertTrue(events.get(events.size() - 1).startsWith("start#"), events.toString());
    }

    @Test
    void autostartZeroWaitsPausedUntilContinue() throws Exception {
        Worker w = start("idle", TimerType.BASIC, 10, 2, false);
        Thread.sleep(150);
        assertEquals(List.of(), Recorder.events("idle", 0));
        assertTrue(w.paused());
        w.request(Request.of("end"));
        Thread.sleep(50);
        assertEquals(List.of(), Recorder.events("idle", 0), "end does nothing before a start");
        w.request(Request.CONTINUE);
        await("started and looping", () -> count(Recorder.events("idle", 0), "loop") >= 2);
        assertEquals(List.of(), Recorder.events("idle", 1), "the other worker still waits");
    }

    @Test
    void unknownWorkerIsRefusedNamingWhatExists() throws Exception {
        start("w3", TimerType.BASIC, 10, 3, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> timer.worker(3));
        assertEquals("timer \"w3\" has no worker 3 (workers: 0..2)", e.getMessage());
    }
}
