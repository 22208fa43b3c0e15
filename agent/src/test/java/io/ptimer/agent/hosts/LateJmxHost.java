package io.ptimer.agent.hosts;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * A host that touches JMX only after {@code host.quietMillis} (default 1.5 s): it then prints how
 * many MBean servers exist ({@code SERVERS <n>}), makes the platform MBean server and prints how
 * long the agent's manager MBean took to appear ({@code MBEANS <ms>}, or {@code MBEANS none}
 * after 5 s).
 */
public final class LateJmxHost {
    private LateJmxHost() {
    }

    public static void main(String[] args) throws Exception {
        Thread.sleep(Long.getLong("host.quietMillis", 1500));
        Events.say("SERVERS " + MBeanServerFactory.findMBeanServer(null).size());
        long made = System.nanoTime();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName manager = new ObjectName("io.ptimer:type=PTimer");
        while (!server.isRegistered(manager)) {
            if (System.nanoTime() - made > 5_000_000_000L) {
                Events.say("MBEANS none");
                return;
            }
            Thread.sleep(1);
        }
        Events.say("MBEANS " + (System.nanoTime() - made) / 1_000_000);
    }
}
