package io.ptimer.agent.jmx;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * The JVM's platform MBean server, once something other than the agent has made it: the host, the
 * JVM's remote connector ({@code com.sun.management.jmxremote}) or a JMX client that attaches, as
 * JConsole, VisualVM, jmxterm and {@code ptimer-agent.jar} do. The agent never makes it: making it
 * loads and compiles hundreds of classes, a burst of work that would delay the running timers of a
 * small machine for a good part of a second.
 */
final class PlatformServer {
    /** How often the agent looks; a JMX client that attaches takes longer than this to connect. */
    static final long POLL_MILLIS = 20;

    private static final ObjectName RUNTIME = runtimeName();

    private PlatformServer() {
    }

    /** Waits until the platform MBean server exists and returns it. */
    static MBeanServer await() throws InterruptedException {
        for (;;) {
            MBeanServer server = find();
            if (server != null) {
                return server;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * The platform MBean server if it exists, else null. Of the servers made through
     * {@link MBeanServerFactory}, it is the one holding the platform's MXBeans.
     */
    static MBeanServer find() {
        for (MBeanServer server : MBeanServerFactory.findMBeanServer(null)) {
            if (server.isRegistered(RUNTIME)) {
                return server;
            }
        }
        return null;
    }

    private static ObjectName runtimeName() {
        try {
            return new ObjectName(ManagementFactory.RUNTIME_MXBEAN_NAME);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
