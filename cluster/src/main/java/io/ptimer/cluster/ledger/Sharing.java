package io.ptimer.cluster.ledger;

/**
 * How a step's budget is shared among the live JVMs: water-filling by demand. Each gets an equal
 * part; one that wants less gets what it wants and the rest goes to the others; the odd remainder
 * goes round by step number, so over a cycle nobody is favoured.
 */
final class Sharing {
    private Sharing() {
    }

    /**
     * The part of member {@code index} of {@code budget} in {@code step}.
     *
     * @param demands what each member wants, in the members' order (sorted by name)
     */
    static int part(long step, int budget, int[] demands, int index) {
        int n = demands.length;
        boolean[] settled = new boolean[n];
        long remaining = budget;
        int open = n;
        boolean changed = true;
        while (changed && open > 0) {
            changed = false;
            long fair = remaining / open;
            for (int i = 0; i < n; i++) {
                if (!settled[i] && demands[i] <= fair) {
                    settled[i] = true;
                    remaining -= demands[i];
                    open--;
                    changed = true;
                }
            }
        }
        if (settled[index]) {
            return demands[index];
        }
        long fair = remaining / open;
        long odd = remaining - fair * open;
        int rank = 0;
        for (int i = 0; i < index; i++) {
            if (!settled[i]) {
                rank++;
            }
        }
        long first = Math.floorMod(step, open);
        long turn = Math.floorMod(rank - first, open);
        return (int) (fair + (turn < odd ? 1 : 0));
    }
}
