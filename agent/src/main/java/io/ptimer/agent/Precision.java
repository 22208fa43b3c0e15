package io.ptimer.agent;

import java.util.Locale;

/** How a worker waits for its next loop: the per-timer attribute {@code precision}. */
enum Precision {
    /** Park until the deadline, with the thread's timer slack lowered: least CPU. */
    SLEEP,
    /** Park until shortly before the deadline, then spin; the spin is learnt from the wake-ups and capped at 5% of the interval. */
    HYBRID,
    /** Spin for the whole wait: the most precise, and one core busy per worker. */
    SPIN;

    static Precision parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("precision must be sleep, hybrid or spin");
        }
    }
}
