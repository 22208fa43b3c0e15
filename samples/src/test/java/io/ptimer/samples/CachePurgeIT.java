package io.ptimer.samples;

import static io.ptimer.samples.SampleRun.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cache-purge sample (Kamailio's rtimer module documentation, the exec example) through the
 * agent jar: the rtimer's exec route deletes the rows older than the maximum age from the embedded
 * database and keeps the fresh ones, on the threads its mode gives it.
 */
class CachePurgeIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void staleRowsAreDeletedAndFreshOnesStayOnTheRtimersThreads() throws Exception {
        SampleRun run = SampleRun.start("cache-purge.cfg", "io.ptimer.samples.cachepurge.CachePurge",
                "--seconds", "12", "--max-age", "4");
        try {
            assertEquals(0, run.await(TIMEOUT), run::toString);
        } finally {
            run.destroy();
        }
        Map<String, String> f = run.figures(null);
        assertTrue(num(f, "runs") >= 6, "an interval of 1 s over 12 s, with generous slack\n" + run);
        assertEquals(0, num(f, "stale"), "no row older than the age plus one interval survives\n" + run);
        assertTrue(num(f, "oldest_age_ms") <= 4000 + 1000 + 1000, run::toString);
        assertEquals(0, num(f, "offline"), "users silent since the start are purged\n" + run);
        assertEquals(20, num(f, "online"), "users refreshing every second stay\n" + run);
        assertEquals(0, num(f, "fresh_missing"), "no row younger than the age is deleted\n" + run);
        assertTrue(num(f, "purged") >= 30, "the 30 silent users at least\n" + run);
        assertEquals(num(f, "inserted") - num(f, "purged"), num(f, "rows"), run::toString);
        assertEquals("rtimer-cache_purge-0", f.get("purge_threads"), "mode=1: one thread of its own\n" + run);
        assertEquals("ptimer-core", f.get("stats_threads"), "mode=0: the shared timer thread\n" + run);

        List<String> purges = run.stdout().lines()
                .filter(l -> l.startsWith("  [rtimer-cache_purge-0] delete from kamailio_cache")).toList();
        assertEquals(num(f, "runs"), purges.size(), "one log line per purge run\n" + run);
        assertTrue(run.stdout().contains("  [rtimer-cache_purge-0] timer routine: time is "), run::toString);
    }
}
