package io.ptimer.cluster.it;

import io.ptimer.api.TimerContext;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import javax.management.MBeanServer;
import javax.management.ObjectName;

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
        Thread jmx = new Thread(ClusterHost::printCluster, "host-jmx");
        jmx.setDaemon(true);
        jmx.start();
        while (System.in.read() >= 0) {
            Thread.onSpinWait();
        }
    }

    /** Prints the cluster's MBean every half second: {@code cluster role=<role> leader=<address> sending=<bool>}. */
    private static void printCluster() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("io.ptimer:type=Cluster,name=carrier");
            for (;;) {
                Thread.sleep(500);
                if (server.isRegistered(name)) {
                    String line = "cluster role=" + server.getAttribute(name, "role") + " leader="
                            + server.getAttribute(name, "leader") + " sending=" + server.getAttribute(name, "sending");
                    synchronized (System.out) {
                        System.out.println(line);
                        System.out.flush();
                    }
                }
            }
        } catch (Exception e) {
            System.out.println("cluster mbean failed " + e);
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
