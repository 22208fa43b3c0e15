package io.ptimer.bench;

/** Host application of the start-up measurement: says it reached main, and ends. */
public final class StartupHost {
    static final String REACHED = "main reached";

    private StartupHost() {
    }

    public static void main(String[] args) {
        System.out.println(REACHED);
        System.out.flush();
    }

    /** The loop route of the one timer of the run with the agent. */
    public static void tick() {
    }
}
