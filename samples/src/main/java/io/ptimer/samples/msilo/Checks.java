package io.ptimer.samples.msilo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The cleaner's runs, in order. Thread-safe. */
final class Checks {
    /**
     * One run: its ticks and thread, the delivered messages deleted, the failed deliveries seen,
     * whether it was a clean-period check, the expired messages deleted (0 when it was not) and
     * those still stored after it.
     */
    record Check(long ticks, String thread, int delivered, int failed, boolean clean, int expired, long expiredLeft) {

        /** The log line of the run, which the integration test reads back. */
        String line() {
            return String.format(Locale.ROOT, "  [%s] m_clean_silo ticks=%d: %d delivered deleted, %d failed;%s", thread,
                    ticks, delivered, failed, clean ? " clean period: " + expired + " expired deleted, " + expiredLeft
                            + " left" : " " + expiredLeft + " expired wait for the clean period");
        }
    }

    private final List<Check> checks = new ArrayList<>();

    synchronized void add(Check check) {
        checks.add(check);
    }

    synchronized List<Check> all() {
        return List.copyOf(checks);
    }
}
