package io.ptimer.agent.hosts;

import java.lang.instrument.Instrumentation;

/**
 * A {@code -javaagent} placed before the ptimer agent: at the JVM's exit, however early, it prints
 * {@code EXIT threads=<names>} with the threads of the agent's naming ({@code ptimer-}, {@code rtimer-},
 * {@code async-}) alive then, to show what a refused configuration left behind.
 */
public final class ExitProbe {
    private ExitProbe() {
    }

    public static void premain(String args, Instrumentation inst) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            StringBuilder line = new StringBuilder("EXIT threads=");
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                String name = t.getName();
                if (name.startsWith("ptimer-") || name.startsWith("rtimer-") || name.startsWith("async-")) {
                    line.append(name).append(';');
                }
            }
            System.out.println(line);
            System.out.flush();
        }, "exit-probe"));
    }
}
