package io.ptimer.agent.exec;

import java.util.Locale;

/** What a grid schedule does after a run that ended past its next grid point: the timer attribute {@code overrun}. */
public enum Overrun {
    /** Run at once and restart the grid there, as Kamailio's ptimer does: no burst, but the phase moves. */
    REANCHOR,
    /** Keep the grid's phase and skip the grid points already past: the timer never drifts. */
    SKIP;

    /**
     * The policy named {@code text}, in any case.
     *
     * @throws IllegalArgumentException saying which names exist
     */
    public static Overrun parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("overrun must be reanchor or skip");
        }
    }
}
