package io.ptimer.cluster.it;

import io.ptimer.api.TimerContext;
import java.time.Instant;

/**
 * A host for the three-JVM test: its loop route prints one line per loop, {@code loop <ns since
 * the epoch> <tasks>}, and the JVM lives until its standard input closes or it is killed.
 */
public final class ClusterHost {
    private ClusterHost() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            Thread.onSpinWait();
        }
    }

    /** The timer's routes. */
    public static final class Routes {
        public void loop(TimerContext ctx) {
            Instant t = Instant.now();
            long wall = t.getEpochSecond() * 1_000_000_000L + t.getNano();
            synchronized (System.out) {
                System.out.println("loop " + wall + " " + ctx.worker() + " " + ctx.tasks());
                System.out.flush();
            }
        }
    }
}
