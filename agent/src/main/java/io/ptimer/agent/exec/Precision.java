package io.ptimer.agent.exec;

import io.ptimer.agent.config.Names;
import io.ptimer.agent.config.Refusal;

/** How a lane waits for its next deadline: the per-timer attribute {@code precision}. */
public enum Precision {
    /** Park until the deadline, with the thread's timer slack lowered: least CPU. */
    SLEEP,
    /**
     * Park until shortly before the deadline, then spin; the margin is learnt from how late the recent
     * parks returned, within a spin budget of 7% of the interval (see {@link Waiter}).
     */
    HYBRID,
    /** Spin for the whole wait: the most precise, and one core busy per lane. */
    SPIN;

    /**
     * The precision named {@code text}, in any case.
     *
     * @throws X made by {@code refusal}, saying which names exist
     */
    public static <X extends Exception> Precision parse(String text, Refusal<X> refusal) throws X {
        Precision named = Names.constant(values(), text);
        if (named == null) {
            throw refusal.error("precision must be sleep, hybrid or spin");
        }
        return named;
    }
}
