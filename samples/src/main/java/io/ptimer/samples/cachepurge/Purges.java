package io.ptimer.samples.cachepurge;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/** What the routes did: purge runs, rows deleted, and the threads each route ran on. Thread-safe. */
final class Purges {
    static final AtomicLong RUNS = new AtomicLong();
    static final AtomicLong DELETED = new AtomicLong();
    static final AtomicLong STATS_RUNS = new AtomicLong();
    private static final Set<String> PURGE_THREADS = new TreeSet<>();
    private static final Set<String> STATS_THREADS = new TreeSet<>();
    private static volatile long intervalMillis;

    private Purges() {
    }

    static void purged(int rows, String thread, long interval) {
        RUNS.incrementAndGet();
        DELETED.addAndGet(rows);
        intervalMillis = interval;
        synchronized (PURGE_THREADS) {
            PURGE_THREADS.add(thread);
        }
    }

    static void counted(String thread) {
        STATS_RUNS.incrementAndGet();
        synchronized (STATS_THREADS) {
            STATS_THREADS.add(thread);
        }
    }

    /** The purge timer's interval, as its route last saw it (0 before its first run). */
    static long intervalMillis() {
        return intervalMillis;
    }

    static String purgeThreads() {
        synchronized (PURGE_THREADS) {
            return String.join(",", PURGE_THREADS);
        }
    }

    static String statsThreads() {
        synchronized (STATS_THREADS) {
            return String.join(",", STATS_THREADS);
        }
    }
}
