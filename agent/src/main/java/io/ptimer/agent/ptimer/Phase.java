package io.ptimer.agent.ptimer;

import java.util.Locale;

/** The three routes of a ptimer worker's cycle, in the order it runs them. */
public enum Phase {
    START, LOOP, END;

    private final String key = name().toLowerCase(Locale.ROOT);

    /** The configuration key, request and name shown to operators: start, loop, end. */
    public String key() {
        return key;
    }
}
