package io.ptimer.agent;

import java.util.Locale;

/** The three routes of a timer, in the order a worker runs them. */
enum RouteKind {
    START, LOOP, END;

    /** The configuration key and the name shown to operators: start, loop, end. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
