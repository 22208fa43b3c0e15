package io.ptimer.agent.ptimer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.hosts.WorkerTrace;
import io.ptimer.agent.support.Await;
import io.ptimer.api.TimerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Several threads race thousands of random requests, unsynchronised, at multi-worker timers of all
 * four types. No deadlock, no worker lost, no route overlaps another, every start request runs the
 * start route exactly once, and each worker's own trace of announcements and route runs is legal
 * event by event ({@link WorkerTrace}) and ends in the state the worker reports. Then requests one
 * at a time lead each worker to the state the request model says. The same storm through JMX is
 * {@code io.ptimer.agent.ControlJmxIT}'s.
 */
class ConcurrentControlTest {
    private static final long DEADLINE_SECONDS = 20;

    @Test
    void randomRequestsRacingFromManyThreads() throws Exception {
        List<Ptimer> timers = new ArrayList<>();
        for (TimerType type : TimerType.values()) {
            timers.add(Timers.started("c" + type.code(), type, 1000, 3, 10, 3, true, Sequence.class, Sequence.listener()));
        }
        List<Worker> workers = new ArrayList<>();
        timers.forEach(t -> workers.addAll(t.workers()));
        for (Worker w : workers) {
            await(key(w) + " runs its first start", () -> Sequence.trace(key(w)).contains("run:start"));
        }
        Map<Worker, AtomicInteger> startsSent = new ConcurrentHashMap<>();
        workers.forEach(w -> startsSent.put(w, new AtomicInteger()));

        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread sender = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                List<Request> all = Request.all();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int n = 0; n < 2500; n++) {
                    Request r = all.get(random.nextInt(all.size()));
                    Ptimer timer = timers.get(random.nextInt(timers.size()));
                    List<Worker> targets = random.nextBoolean() ? timer.workers()
                            : List.of(timer.worker(random.nextInt(timer.workers().size())));
                    for (Worker w : targets) {
                        if (r == Request.of("start")) {
                            startsSent.get(w).incrementAndGet();
                        }
                        w.request(r);
                    }
                }
            });
            sender.start();
            senders.add(sender);
        }
        go.countDown();
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(sender.isAlive(), "a sender is stuck: deadlock?");
        }

        for (Worker w : workers) {
            String key = key(w);
            assertNotEquals("stopped", w.state(), key + " was lost");
            int expectedStartRuns = 1 + startsSent.get(w).get();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
            for (;;) {
                List<String> trace = Sequence.trace(key);
                WorkerTrace checked = check(key, trace);
                assertTrue(checked.startRuns() <= expectedStartRuns, key + " ran its start route " + checked.startRuns()
                        + " times for " + (expectedStartRuns - 1) + " start requests and the first start");
                String state = w.state();
                boolean unchanged = announcements(Sequence.trace(key)) == announcements(trace);
                if (unchanged && checked.settled() && checked.startRuns() == expectedStartRuns
                        && WorkerTrace.reports(checked.state(), state)) {
                    break;
                }
                assertTrue(System.nanoTime() < deadline, key + " did not settle: " + checked.startRuns() + " start runs of "
                        + expectedStartRuns + ", its events lead to " + checked.state() + ", it reports " + state
                        + "; last events " + tail(trace));
                Thread.sleep(10);
            }
        }
        long events = workers.stream().mapToLong(w -> announcements(Sequence.trace(key(w)))).sum();
        assertTrue(events > 2000, "the storm changed the workers' states often: " + events + " announcements");
        synchronized (Sequence.VIOLATIONS) {
            assertEquals(List.of(), Sequence.VIOLATIONS);
        }

        Random random = new Random(7);
        List<String> commands = Request.all().stream().map(Request::command).toList();
        for (Worker w : workers) {
            WorkerTrace.State state = check(key(w), Sequence.trace(key(w))).state();
            for (int i = 0; i < 12; i++) {
                String command = commands.get(random.nextInt(commands.size()));
                WorkerTrace.State expected = WorkerTrace.after(state, command);
                w.request(Request.of(command));
                await(key(w) + " goes from " + state + " to " + expected + " on " + command,
                        () -> WorkerTrace.reports(expected, w.state()));
                state = expected;
            }
            check(key(w), Sequence.trace(key(w)));
        }

        for (Worker w : workers) {
            w.request(Request.of("loop"));
        }
        for (Worker w : workers) {
            await(key(w) + " answers a last loop request", () -> !w.paused());
            w.shutdown();
        }
        for (Worker w : workers) {
            assertTrue(w.awaitStop(System.nanoTime() + TimeUnit.SECONDS.toNanos(10)), key(w) + " stops");
        }
    }

    /** The checker rejects every illegal successor it is meant to: the storm's check can fail. */
    @Test
    void theTraceCheckRejectsIllegalSuccessors() {
        List<List<String>> illegal = List.of(
                List.of("run:loop", "end", "run:end", "paused", "end"),                  // end after end
                List.of("run:loop", "end", "run:end", "run:end"),                        // end route twice
                List.of("run:loop", "end", "run:end", "paused", "run:loop"),             // loop after end, no request
                List.of("run:loop", "end", "run:end", "paused", "resumed", "run:loop"),  // continue does not revive
                List.of("run:loop", "paused", "run:loop"),                               // a route while paused
                List.of("run:loop", "paused", "start"),                                  // start while paused
                List.of("run:loop", "paused", "loop"),                                   // jump without resuming
                List.of("run:loop", "paused", "end"),
                List.of("run:loop", "paused", "paused"),
                List.of("run:loop", "resumed"),                                          // resumed while running
                List.of("run:loop", "run:start"),                                        // start route unannounced
                List.of("run:loop", "run:end"),                                          // end route unannounced
                List.of("run:loop", "start", "run:loop"),                                // start announced, not run
                List.of("run:loop", "start", "run:start", "run:loop"),                   // loop entered unannounced
                List.of("run:loop", "end", "run:loop"));                                 // end announced, not run
        for (List<String> trace : illegal) {
            assertThrows(IllegalStateException.class, () -> new WorkerTrace(true, true).accept(trace), trace::toString);
        }
        List<String> legal = List.of("run:loop", "start", "run:start", "loop", "run:loop", "paused", "resumed",
                "run:loop", "end", "run:end", "paused", "resumed", "loop", "run:loop", "paused", "resumed", "start",
                "run:start", "loop", "end", "run:end", "paused", "resumed", "start", "run:start", "loop");
        assertEquals(WorkerTrace.State.RUNNING, new WorkerTrace(true, true).accept(legal).state());
    }

    private static WorkerTrace check(String key, List<String> trace) {
        try {
            return new WorkerTrace(true, false).accept(trace);
        } catch (IllegalStateException e) {
            throw new AssertionError(key + ": " + e.getMessage() + "; events before: "
                    + tail(trace.subList(0, Math.min(trace.size(), Integer.parseInt(e.getMessage().split(" ")[1]) + 1))));
        }
    }

    /** How many events are not loop route runs: these change only on requests. */
    private static long announcements(List<String> trace) {
        return trace.stream().filter(e -> !e.equals("run:loop")).count();
    }

    private static String key(Worker w) {
        return Sequence.key(w.context().name(), w.index());
    }

    private static String tail(List<String> trace) {
        return trace.subList(Math.max(0, trace.size() - 12), trace.size()).toString();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, DEADLINE_SECONDS, condition);
    }
}
