package io.ptimer.samples.cachepurge;

import io.ptimer.samples.calls.RunClock;
import io.ptimer.samples.sql.SampleArgs;
import java.util.Locale;

/**
 * Cache purge (Kamailio's rtimer module documentation, the exec example): a simulated registrar
 * keeps writing the cache table {@code kamailio_cache} of an embedded H2 database, and the rtimer
 * {@code cache_purge} deletes the rows older than the maximum age every interval, on a thread of
 * its own. Prints each second's writes, the routes' log, and an outcome whose {@code figures} line
 * the integration test reads. Exits 1 if a check failed.
 *
 * <p>Run with {@code -javaagent:agent/target/ptimer-agent.jar=config=samples/config/cache-purge.cfg};
 * options {@code --seconds N} (default 10) and {@code --max-age S} (default 5; the documentation's
 * 3600 in production).
 */
public final class CachePurge {
    private static final long SLACK_MILLIS = 1000;

    private CachePurge() {
    }

    public static void main(String[] args) {
        SampleArgs options = SampleArgs.parse("cache-purge", args, "seconds", "max-age");
        int seconds = options.get("seconds", 10);
        long maxAge = options.get("max-age", 5) * 1000L;
        CacheTable table = CacheTable.open(maxAge);
        Registrar registrar = new Registrar(table);
        System.out.printf(Locale.ROOT, "cache purge: kamailio_cache in an embedded H2 database; rtimer cache_purge deletes"
                + " the rows older than %d s, rtimer cache_stats counts them%n", maxAge / 1000);
        RunClock clock = new RunClock();
        for (int s = 0; s < seconds; s++) {
            clock.awaitSecond(s);
            long inserted = registrar.inserted();
            long refreshed = registrar.refreshed();
            registrar.second(s);
            System.out.printf(Locale.ROOT, "%3d s  registrar: %3d new, %3d refreshed; %3d rows%n", s,
                    registrar.inserted() - inserted, registrar.refreshed() - refreshed, table.rows());
        }
        clock.awaitSecond(seconds);

        long now = System.currentTimeMillis();
        long interval = Purges.intervalMillis();
        long staleBound = maxAge + interval + SLACK_MILLIS;
        Outcome outcome = new Outcome(Purges.RUNS.get(), Purges.DELETED.get(), registrar.inserted(), table.rows(),
                table.rowsOlderThan(now - staleBound), now - table.oldest(now), table.rowsNamed("online-"),
                table.rowsNamed("offline-"), registrar.missingSince(now - maxAge + SLACK_MILLIS), maxAge, interval,
                Purges.purgeThreads(), Purges.statsThreads());
        System.out.println();
        System.out.println("outcome:");
        outcome.print(staleBound);
        System.out.println(outcome.figures());
        System.out.println(outcome.ok() ? "all checks passed" : "SOME CHECKS FAILED");
        System.out.flush();
        System.exit(outcome.ok() ? 0 : 1);
    }

    /** What the purges left in the table. */
    record Outcome(long runs, long purged, long inserted, long rows, long stale, long oldestAge, long online,
            long offline, long freshMissing, long maxAge, long interval, String purgeThreads, String statsThreads) {

        boolean ok() {
            return runs > 0 && stale == 0 && offline == 0 && online == Registrar.ONLINE && freshMissing == 0;
        }

        void print(long staleBound) {
            line("purge runs / rows deleted", runs + " / " + purged, "", runs > 0);
            line("rows inserted / left", inserted + " / " + rows, "", true);
            line("rows older than " + staleBound / 1000.0 + " s", String.valueOf(stale), "0", stale == 0);
            line("oldest row, s", String.format(Locale.ROOT, "%.1f", oldestAge / 1000.0), "", true);
            line("silent users still cached", String.valueOf(offline), "0", offline == 0);
            line("online users cached", String.valueOf(online), String.valueOf(Registrar.ONLINE),
                    online == Registrar.ONLINE);
            line("fresh rows lost", String.valueOf(freshMissing), "0", freshMissing == 0);
            line("purge / stats thread", purgeThreads + " / " + statsThreads, "", true);
        }

        String figures() {
            return String.format(Locale.ROOT, "figures runs=%d purged=%d inserted=%d rows=%d stale=%d oldest_age_ms=%d"
                            + " online=%d offline=%d fresh_missing=%d max_age_ms=%d interval_ms=%d purge_threads=%s"
                            + " stats_threads=%s", runs, purged, inserted, rows, stale, oldestAge, online, offline,
                    freshMissing, maxAge, interval, purgeThreads, statsThreads);
        }

        private static void line(String label, String value, String bound, boolean ok) {
            System.out.printf("  %-28s %36s  %-4s %s%n", label, value, bound, ok ? "ok" : "FAILED");
        }
    }
}
