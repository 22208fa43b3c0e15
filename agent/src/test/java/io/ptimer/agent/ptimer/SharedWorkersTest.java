package io.ptimer.agent.ptimer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.exec.Lateness;
import io.ptimer.agent.support.Await;
import io.ptimer.api.TimerType;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Workers of a {@code thread=shared} timer: those whose loops are short run on the shared lanes (a cold
 * first loop, or a busy machine, may send one to a thread of its own for a while), the
 * one whose loop sleeps gets a thread of its own named after it without delaying the others, and
 * shutdown runs every worker's end route, wherever it runs.
 */
class SharedWorkersTest {

    @Test
    void aSleepingWorkerGetsItsOwnThreadAndShutdownEndsWorkersOnLanesAndOnTheirOwn() throws Exception {
        Blocker.reset();
        Ptimer timer = Timers.started("mix", TimerType.SYNC, 10_000, 4, 0, 1, true, Blocker.class, null, true);
        await("every worker loops a few times", () -> timer.workers().stream().allMatch(w -> w.iterations() >= 20));

        Set<String> sleeper = Blocker.LOOP_THREADS.get(0);
        assertTrue(sleeper.contains("ptimer-mix-0"), "the sleeping worker has a thread of its own: " + sleeper);
        for (int i = 1; i < 4; i++) {
            Set<String> threads = Blocker.LOOP_THREADS.get(i);
            assertTrue(threads.stream().anyMatch(n -> n.startsWith("ptimer-lane-")), "worker " + i + " ran on " + threads);
            long median = Lateness.percentile(timer.worker(i).lateness().sorted(), 50);
            assertTrue(median < TimeUnit.MILLISECONDS.toNanos(25), "worker " + i + " waited for the sleeper: its"
                    + " median lateness is " + median / 1000 + " µs, where a lane shared with it would make it 50 ms");
        }
        assertNotEquals(Blocker.PIDS.get(0), Blocker.PIDS.get(1), "pid() is the thread that runs the worker");
        assertTrue(timer.worker(0).ownThread());
        assertEquals("ptimer-mix-0", timer.worker(0).thread().getName());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        timer.workers().forEach(Worker::shutdown);
        for (Worker w : timer.workers()) {
            assertTrue(w.awaitStop(deadline), "worker " + w.index() + " stops");
            assertEquals("stopped", w.state());
        }
        assertEquals(Set.of(0, 1, 2, 3), Blocker.ENDED, "every worker ran its end route");
    }

    /**
     * Requests sent while a worker keeps moving between a lane and a thread of its own are each applied,
     * in order, by whichever thread holds the worker: its routes never overlap, a final pause holds,
     * a final continue loops again, and shutdown ends the cycle it is in.
     */
    @Test
    void requestsRacingTheHandOverAreAppliedWhereverTheWorkerRuns() throws Exception {
        Flapper.reset();
        Ptimer timer = Timers.started("flap", TimerType.SYNC, 1_000, 1, 0, 1, true, Flapper.class, null, true);
        Worker worker = timer.worker(0);
        await("the worker has moved to a thread of its own and back", () -> Flapper.THREADS.contains("ptimer-flap-0")
                && worker.iterations() > 100 && !worker.ownThread());
        Request[] requests = {Request.PAUSE, Request.CONTINUE, Request.LOOP, Request.PAUSE, Request.START,
            Request.CONTINUE, Request.END, Request.START};
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (int i = 0; System.nanoTime() < until; i++) {
            worker.request(requests[i % requests.length]);
            Thread.sleep(0, 300_000);
        }
        worker.request(Request.START);
        worker.request(Request.PAUSE);
        await("the final pause holds", () -> worker.paused());
        long paused = worker.iterations();
        Thread.sleep(100);
        assertEquals(paused, worker.iterations(), "a paused worker loops no more");
        worker.request(Request.CONTINUE);
        await("the final continue loops again", () -> worker.iterations() > paused + 20);
        assertEquals(0, Flapper.OVERLAPS.get(), "routes of one worker ran at the same time");
        assertTrue(Flapper.STARTS.get() > 10 && Flapper.ENDS.get() > 10, "starts " + Flapper.STARTS + ", ends " + Flapper.ENDS);

        int ends = Flapper.ENDS.get();
        worker.shutdown();
        assertTrue(worker.awaitStop(System.nanoTime() + TimeUnit.SECONDS.toNanos(5)), "the worker stops");
        assertEquals(ends + 1, Flapper.ENDS.get(), "shutdown ran the end route of the cycle it was in");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, 10, condition);
    }
}
