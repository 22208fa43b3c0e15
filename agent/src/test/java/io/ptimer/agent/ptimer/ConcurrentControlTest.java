package io.ptimer.agent.ptimer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.api.TimerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several threads send thousands of random requests to multi-worker timers of all four types. No
 * deadlock, no worker lost, no route overlaps another or follows an illegal one, and each worker
 * ends in the state its requests, replayed in order, lead to.
 */
class ConcurrentControlTest {

    /** What the requests lead to, with routes that neither end nor throw by themselves. */
    private enum Model {
        RUNNING, PAUSED, ENDED;

        Model after(Request r) {
            if (r == Request.PAUSE) {
                return this == RUNNING ? PAUSED : this;
            }
            if (r == Request.CONTINUE) {
                return this == PAUSED ? RUNNING : this;
            }
            return r.jump() == Phase.END ? ENDED : RUNNING;
        }
    }

    @Test
    void randomRequestsFromManyThreads() throws Exception {
        List<Ptimer> timers = new ArrayList<>();
        for (TimerType type : TimerType.values()) {
            timers.add(Timers.started("c" + type.code(), type, 1000, 3, 10, 3, true, Sequence.class));
        }
        List<Worker> workers = new ArrayList<>();
        timers.forEach(t -> workers.addAll(t.workers()));
        Map<Worker, List<Request>> sent = new ConcurrentHashMap<>();
        workers.forEach(w -> sent.put(w, new ArrayList<>()));

        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread sender = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                List<Request> all = Request.all();
                for (int n = 0; n < 2500; n++) {
                    Request r = all.get(random.nextInt(all.size()));
                    Ptimer timer = timers.get(random.nextInt(timers.size()));
                    List<Worker> targets = random.nextBoolean() ? timer.workers()
                            : List.of(timer.worker(random.nextInt(timer.workers().size())));
                    for (Worker w : targets) {
                        List<Request> log = sent.get(w);
                        synchronized (log) {
                            log.add(r);
                            w.request(r);
                        }
                    }
                    if (n % 50 == 0) {
                        Thread.yield();
                    }
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!sender.isAlive(), "a sender is stuck: deadlock?");
        }
        Thread.sleep(300);

        for (Worker w : workers) {
            String name = w.thread().getName();
            assertTrue(w.thread().isAlive(), name + " was lost");
            Model expected = Model.RUNNING;
            for (Request r : sent.get(w)) {
                expected = expected.after(r);
            }
            String state = w.state();
            switch (expected) {
                case RUNNING -> assertTrue(state.equals("sleeping") || state.equals("loop") || state.equals("start"),
                        name + " should run after " + last(sent.get(w)) + " but is " + state);
                case PAUSED -> assertEquals("paused", state, name + " after " + last(sent.get(w)));
                case ENDED -> assertEquals("ended", state, name + " after " + last(sent.get(w)));
            }
            String key = w.context().name() + "/" + w.index();
            List<String> runs = Sequence.RUNS.get(key);
            assertEquals("start", runs.get(0), key);
            for (int i = 1; i < runs.size(); i++) {
                assertTrue(!(runs.get(i).equals("end") && runs.get(i - 1).equals("end")),
                        key + " ran end twice in a row at " + i);
            }
        }
        assertEquals(List.of(), Sequence.VIOLATIONS);

        for (Worker w : workers) {
            w.request(Request.of("loop"));
        }
        Thread.sleep(200);
        for (Worker w : workers) {
            assertTrue(!w.paused(), w.thread().getName() + " answers a last loop request");
            w.shutdown();
        }
        for (Worker w : workers) {
            assertTrue(w.awaitStop(System.nanoTime() + TimeUnit.SECONDS.toNanos(10)), w.thread().getName() + " stops");
        }
    }

    private static String last(List<Request> requests) {
        int n = requests.size();
        return requests.subList(Math.max(0, n - 5), n).toString();
    }
}
