package io.ptimer.samples.calls;

import java.lang.management.ManagementFactory;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * An operator's {@code kamcmd ptimer.<op> <timer>}, sent by the application to its own JVM through
 * the ptimer manager MBean ({@code io.ptimer:type=PTimer}) on the platform MBean server: the same
 * operation that JConsole, jmxterm and {@code java -jar ptimer-agent.jar <pid> <op> <timer>} call.
 */
public final class Operator {
    private static final String MANAGER = "io.ptimer:type=PTimer";

    private Operator() {
    }

    /**
     * Calls operation {@code op} on {@code timer} and returns what the agent answered. Waits up to
     * 5 s for the MBean, which the agent registers shortly after start-up.
     *
     * @throws IllegalStateException if the JVM has no ptimer agent or the agent refused
     */
    public static String send(String op, String timer) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (;;) {
            try {
                return String.valueOf(server.invoke(new ObjectName(MANAGER), op, new Object[] {timer},
                        new String[] {String.class.getName()}));
            } catch (InstanceNotFoundException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no " + MANAGER + " MBean: was the JVM started with the ptimer agent?");
                }
                sleep();
            } catch (Exception e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalStateException(op + " " + timer + ": " + cause.getMessage(), e);
            }
        }
    }

    /** The same request as a command line for another terminal. */
    public static String commandLine(String op, String timer) {
        return "java -jar agent/target/ptimer-agent.jar " + ProcessHandle.current().pid() + " " + op + " " + timer;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
