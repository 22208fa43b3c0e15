package io.ptimer.cluster.ledger;

/**
 * One JVM's request for its grant of one loop in one step.
 *
 * @param member the JVM asking, as named in the cluster
 * @param loop   the loop, the same name in every JVM ({@code timer/worker})
 * @param step   the step of absolute time the grant is for
 * @param budget what one JVM alone would send in that step: the step's share of {@code ntasks}
 * @param wants  how many tasks the JVM could use (its backlog), or {@link #UNKNOWN}
 * @param ntasks the timer's {@code ntasks} the budget is a share of, as the JVM has it
 */
public record Ask(String member, String loop, long step, int budget, int wants, int ntasks) {
    /** A {@code wants} for a JVM whose loop route never told its backlog: it wants the whole budget. */
    public static final int UNKNOWN = -1;

    public Ask {
        if (member == null || member.isEmpty() || loop == null || loop.isEmpty()) {
            throw new IllegalArgumentException("an ask needs a member and a loop");
        }
        if (budget < 0 || wants < UNKNOWN || ntasks < 0) {
            throw new IllegalArgumentException("budget " + budget + ", wants " + wants + " and ntasks " + ntasks
                    + " must be >= 0");
        }
    }

    /** The timer a loop belongs to: its name up to the last {@code /}. */
    static String timerOf(String loop) {
        int slash = loop.lastIndexOf('/');
        return slash < 0 ? loop : loop.substring(0, slash);
    }

    /** What the JVM asks for at most: its backlog, or the budget when it never told one. */
    int demand() {
        return wants == UNKNOWN ? budget : Math.min(wants, budget);
    }
}
