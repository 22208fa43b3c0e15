package io.ptimer.agent.exec;

import io.ptimer.agent.config.Names;
import io.ptimer.agent.config.Refusal;

/** What a grid schedule does after a run that ended past its next grid point: the timer attribute {@code overrun}. */
public enum Overrun {
    /** Run at once and restart the grid there, as Kamailio's ptimer does: no burst, but the phase moves. */
    REANCHOR,
    /** Keep the grid's phase and skip the grid points already past: the timer never drifts. */
    SKIP;

    /**
     * The policy named {@code text}, in any case.
     *
     * @throws X made by {@code refusal}, saying which names exist
     */
    public static <X extends Exception> Overrun parse(String text, Refusal<X> refusal) throws X {
        Overrun named = Names.constant(values(), text);
        if (named == null) {
            throw refusal.error("overrun must be reanchor or skip");
        }
        return named;
    }
}
