package io.ptimer.samples.cachepurge;

import io.ptimer.samples.sql.Database;

/**
 * The cache table {@code kamailio_cache(key_name, key_value, last_updated)}, {@code last_updated} in epoch
 * milliseconds, with the maximum age the purge route keeps. The application opens it; the routes
 * find it through {@link #current()}. Thread-safe.
 */
final class CacheTable {
    private static volatile CacheTable current;

    private final Database db;
    private final long maxAgeMillis;

    private CacheTable(Database db, long maxAgeMillis) {
        this.db = db;
        this.maxAgeMillis = maxAgeMillis;
    }

    /** Creates the table in the in-memory database {@code cache} and makes it the routes' table. */
    static CacheTable open(long maxAgeMillis) {
        Database db = Database.inMemory("cache");
        db.update("create table if not exists kamailio_cache (key_name varchar(64) primary key,"
                + " key_value varchar(255) not null, last_updated bigint not null)");
        CacheTable table = new CacheTable(db, maxAgeMillis);
        current = table;
        return table;
    }

    /** The table the application opened, or {@code null} before it did. */
    static CacheTable current() {
        return current;
    }

    long maxAgeMillis() {
        return maxAgeMillis;
    }

    /** Inserts the row or refreshes it; returns whether it was new. */
    boolean put(String name, String value, long now) {
        int refreshed = db.update("update kamailio_cache set key_value = ?, last_updated = ? where key_name = ?", value, now, name);
        if (refreshed == 0) {
            db.update("insert into kamailio_cache (key_name, key_value, last_updated) values (?, ?, ?)", name, value, now);
            return true;
        }
        return false;
    }

    /** {@code delete from kamailio_cache where last_updated < cutoff}; returns the rows deleted. */
    int deleteOlderThan(long cutoff) {
        return db.update("delete from kamailio_cache where last_updated < ?", cutoff);
    }

    long rows() {
        return db.number("select count(*) from kamailio_cache");
    }

    long rowsOlderThan(long cutoff) {
        return db.number("select count(*) from kamailio_cache where last_updated < ?", cutoff);
    }

    long rowsNamed(String prefix) {
        return db.number("select count(*) from kamailio_cache where key_name like ?", prefix + "%");
    }

    boolean has(String name) {
        return db.number("select count(*) from kamailio_cache where key_name = ?", name) == 1;
    }

    /** Epoch milliseconds of the oldest row, or {@code now} when the table is empty. */
    long oldest(long now) {
        return db.number("select coalesce(min(last_updated), ?) from kamailio_cache", now);
    }
}
