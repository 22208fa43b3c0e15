package io.ptimer.samples.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The processes a demo started, stopped together when it ends, fails or is interrupted. Thread-safe. */
final class Processes {
    private final List<Process> started = new ArrayList<>();

    /** Keeps {@code p} to stop it later; returns it. */
    synchronized Process started(Process p) {
        started.add(p);
        return p;
    }

    /** Stops every process kept (SIGTERM, then SIGKILL after 5 s) and waits for each. */
    synchronized void stopAll() {
        for (Process p : started) {
            p.destroy();
        }
        for (Process p : started) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        started.clear();
    }
}
