package io.ptimer.agent.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.binding.LateBinding;
import io.ptimer.agent.config.ConfigReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The async system in this JVM: many pending delayed routes, shutdown, and the refusals it makes itself. */
class AsyncSystemTest {
    public static final AtomicInteger RUNS = new AtomicInteger();
    private static final String ROUTE = AsyncSystemTest.class.getName() + "::count";

    public static void count() {
        RUNS.incrementAndGet();
    }

    private static AsyncSystem system(String args) throws Exception {
        AsyncSystem system = new AsyncSystem(new LateBinding(null));
        AsyncConfig config = new AsyncConfig();
        ConfigReader.read(args, List.of("async", ConfigReader.CORE), AsyncConfigTest.CORE_PARAMETERS, config::apply);
        config.finish();
        system.prepare(config).run();
        return system;
    }

    @Test
    void aHundredThousandPendingRoutesCostNoThreadEachAndAreDroppedAndCountedAtShutdown() throws Exception {
        AsyncSystem system = system("async.workers=2");
        int threadsBefore = Thread.activeCount();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long start = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            system.route(ROUTE, TimeUnit.MILLISECONDS.toNanos(10_000 + random.nextInt(20_000)));
        }
        long took = System.nanoTime() - start;
        assertTrue(Thread.activeCount() - threadsBefore <= 2, "two async-timer threads, no thread per route");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long settled = 0;
        while (settled < 2 && System.nanoTime() < deadline) {
            settled = system.pending() == 100_000 ? settled + 1 : 0;
            Thread.sleep(10);
        }
        assertEquals(100_000, system.pending(), "pending once the timer threads have taken every route in");
        assertTrue(took < TimeUnit.SECONDS.toNanos(10), "100,000 calls took " + took / 1_000_000 + " ms");
        String err = stderrOf(() -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            system.shutdown(end);
            system.awaitStop(end);
        });
        assertEquals("ptimer: async: 100000 delayed routes not yet due dropped at shutdown", err.strip());
        assertThrows(IllegalStateException.class, () -> system.route(ROUTE, 1_000_000));
    }

    @Test
    void queuedTasksRunAtShutdownAndSleepsCompleteOnTheTimerThread() throws Exception {
        AsyncSystem system = system("async_workers=1");
        int before = RUNS.get();
        for (int i = 0; i < 50; i++) {
            system.task(ROUTE, null, null);
        }
        CompletableFuture<String> thread = system.sleep(TimeUnit.MILLISECONDS.toNanos(20))
                .thenApply(v -> Thread.currentThread().getName());
        assertEquals("async-timer-0", thread.get(10, TimeUnit.SECONDS));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String err = stderrOf(() -> {
            system.shutdown(end);
            system.awaitStop(end);
        });
        assertEquals("", err);
        assertEquals(50, RUNS.get() - before);
        assertEquals(50, system.groups().get(0).completed());
    }

    @Test
    void tkvWithoutGroupOrRouteIsRefusedAtTheCall() throws Exception {
        AsyncSystem system = system("async_workers_group=name=tkv");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> system.tkvEmit(1, "k", "v"));
        assertEquals("async tkv events need async_tkv_gname and async_tkv_evcb in the configuration (no"
                + " async_tkv_gname, no async_tkv_evcb); event 1 / k not queued", e.getMessage());
        system.shutdown(System.nanoTime());
    }

    private interface Action {
        void run() throws Exception;
    }

    private static synchronized String stderrOf(Action action) throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
