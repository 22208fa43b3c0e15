package io.ptimer.samples.cachepurge;

import java.util.HashMap;
import java.util.Map;

/**
 * A simulated registrar writing its location cache: {@value #ONLINE} users re-register every second,
 * {@value #OFFLINE} register once at the start and go silent, and each second
 * {@value #VISITORS} new visitors register and refresh for two more seconds, then leave. Confined
 * to the application's thread.
 */
final class Registrar {
    static final int ONLINE = 20;
    static final int OFFLINE = 30;
    static final int VISITORS = 5;

    private final CacheTable table;
    private final Map<String, Long> written = new HashMap<>();
    private long inserted;
    private long refreshed;

    Registrar(CacheTable table) {
        this.table = table;
    }

    /** The writes of second {@code s} of the run. */
    void second(int s) {
        if (s == 0) {
            for (int i = 0; i < OFFLINE; i++) {
                write("offline-" + i);
            }
        }
        for (int i = 0; i < ONLINE; i++) {
            write("online-" + i);
        }
        for (int age = 0; age <= 2 && age <= s; age++) {
            for (int i = 0; i < VISITORS; i++) {
                write("visitor-" + (s - age) + "-" + i);
            }
        }
    }

    private void write(String user) {
        long now = System.currentTimeMillis();
        if (table.put(user, "sip:" + user + "@192.0.2.10:5060", now)) {
            inserted++;
        } else {
            refreshed++;
        }
        written.put(user, now);
    }

    long inserted() {
        return inserted;
    }

    long refreshed() {
        return refreshed;
    }

    /** Rows written since {@code since} (epoch ms) that are not in the table any more. */
    long missingSince(long since) {
        return written.entrySet().stream().filter(e -> e.getValue() >= since && !table.has(e.getKey())).count();
    }
}
