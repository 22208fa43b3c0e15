package io.ptimer.bench;

/** Host application of the agent's lateness runs: the timer does the work; main waits for its result. */
public final class AgentHost {
    private AgentHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        Probe.awaitAndExit();
    }
}
