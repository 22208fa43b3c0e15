package io.ptimer.agent.hosts;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The platform MBean server as a host in production meets it: made by the host, with the agent's MBeans
 * registered moments later, once the agent has seen the server.
 */
final class Mbeans {
    private static final long WAIT_NANOS = 10_000_000_000L;

    private Mbeans() {
    }

    /** Makes the platform server if needed and waits up to 10 s until every named MBean is registered. */
    static MBeanServer awaiting(ObjectName... names) throws InterruptedException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long deadline = System.nanoTime() + WAIT_NANOS;
        for (ObjectName name : names) {
            while (!server.isRegistered(name)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no MBean " + name + " 10 s after the platform server was made");
                }
                Thread.sleep(10);
            }
        }
        return server;
    }

    static ObjectName timer(String name) {
        return name("io.ptimer:type=Timer,name=" + name);
    }

    static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
