package io.ptimer.samples.cachepurge;

import io.ptimer.api.RtimerContext;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The exec routes of {@code samples/config/cache-purge.cfg}. {@link #purge} is the documentation's
 * {@code route[ONTIMER]}:
 * <pre>
 * xlog("timer routine: time is $TF\n");
 * sql_query("delete from kamailio_cache where last_updated&lt;$TS-3600");
 * </pre>
 * with the maximum age the application chose instead of 3600 s. Both routes do nothing until the
 * application has opened the table.
 */
public class CacheRoutes {
    /** {@code $TF}: the time as {@code ctime(3)} prints it. */
    private static final DateTimeFormatter TF = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    /** Deletes the rows older than the maximum age and logs what it did. */
    public void purge(RtimerContext ctx) {
        CacheTable table = CacheTable.current();
        if (table == null) {
            return;
        }
        String thread = Thread.currentThread().getName();
        System.out.println("  [" + thread + "] timer routine: time is " + TF.format(ZonedDateTime.now()));
        long cutoff = System.currentTimeMillis() - table.maxAgeMillis();
        int deleted = table.deleteOlderThan(cutoff);
        Purges.purged(deleted, thread, ctx.interval().toMillis());
        System.out.printf(Locale.ROOT, "  [%s] delete from kamailio_cache where last_updated < now-%ds: %d rows%n", thread,
                table.maxAgeMillis() / 1000, deleted);
    }

    /** Logs the table's size and its oldest row (a mode=0 timer: the shared thread). */
    public void stats(RtimerContext ctx) {
        CacheTable table = CacheTable.current();
        if (table == null) {
            return;
        }
        long now = System.currentTimeMillis();
        Purges.counted(Thread.currentThread().getName());
        System.out.printf(Locale.ROOT, "  [%s] kamailio_cache: %d rows, the oldest %.1f s old (ticks %d)%n",
                Thread.currentThread().getName(), table.rows(), (now - table.oldest(now)) / 1000.0, ctx.ticks());
    }
}
