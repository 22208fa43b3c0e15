package io.ptimer.samples.msilo;

import io.ptimer.samples.sql.Database;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * msilo's table {@code silo(mid, src_addr, dst_addr, body, inc_time, exp_time)}, times in epoch
 * milliseconds, in the in-memory database {@code msilo}. Thread-safe.
 */
final class Silo {
    private final Database db = Database.inMemory("msilo");

    Silo() {
        db.update("create table if not exists silo (mid int auto_increment primary key, src_addr varchar(128),"
                + " dst_addr varchar(128), body varchar(1024), inc_time bigint, exp_time bigint)");
    }

    /** Stores a message for an offline user and returns its id. */
    int store(String from, String to, String body, long now, long expiresMillis) {
        return (int) db.insert("insert into silo (src_addr, dst_addr, body, inc_time, exp_time) values (?, ?, ?, ?, ?)",
                from, to, body, now, now + expiresMillis);
    }

    /** Deletes the messages {@code mids} and returns how many there were. */
    int delete(Collection<Integer> mids) {
        if (mids.isEmpty()) {
            return 0;
        }
        return db.update("delete from silo where mid in (" + mids.stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + ")");
    }

    /** {@code delete ... where exp_time <= now}: returns the expired messages deleted. */
    int deleteExpired(long now) {
        return db.update("delete from silo where exp_time <= ?", now);
    }

    long expired(long now) {
        return db.number("select count(*) from silo where exp_time <= ?", now);
    }

    long rows() {
        return db.number("select count(*) from silo");
    }

    /** How many of {@code mids} are still stored. */
    long stored(Collection<Integer> mids) {
        if (mids.isEmpty()) {
            return 0;
        }
        return db.number("select count(*) from silo where mid in (" + mids.stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + ")");
    }
}
