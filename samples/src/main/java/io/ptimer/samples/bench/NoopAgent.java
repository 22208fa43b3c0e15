package io.ptimer.samples.bench;

import java.lang.instrument.Instrumentation;

/** A Java agent that does nothing: what any {@code -javaagent} costs the JVM at start-up, before the agent's own work. */
public final class NoopAgent {
    private NoopAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
    }
}
