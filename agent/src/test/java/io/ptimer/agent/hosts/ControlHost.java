package io.ptimer.agent.hosts;

/**
 * A long-running host for the control ITs: says it started, then prints a heartbeat every 100 ms
 * for {@code host.millis} ms (default two minutes) so tests can see that it keeps running.
 */
public final class ControlHost {
    private ControlHost() {
    }

    public static void main(String[] args) throws Exception {
        Events.say("MAIN started");
        long end = System.nanoTime() + Long.getLong("host.millis", 120_000) * 1_000_000;
        for (int beat = 1; System.nanoTime() < end; beat++) {
            Thread.sleep(100);
            Events.say("HEARTBEAT " + beat);
        }
        Events.say("MAIN done");
    }
}
