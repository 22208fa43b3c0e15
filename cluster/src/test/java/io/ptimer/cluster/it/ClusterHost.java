package io.ptimer.cluster.it;

import io.ptimer.api.TimerContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * A host for the three-JVM test: its loop route prints one line per loop, {@code loop <ns since
 * the epoch> <worker> <tasks>}, and the JVM lives until its standard input closes or it is killed.
 * A line {@code partition true} or {@code partition false} on its standard input calls the
 * cluster MBean's fault-injection operation and prints {@code partition <outcome>}.
 */
public final class ClusterHost {
    private static final ObjectName CLUSTER = name("io.ptimer:type=Cluster,name=carrier");

    private ClusterHost() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        Thread jmx = new Thread(ClusterHost::printCluster, "host-jmx");
        jmx.setDaemon(true);
        jmx.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("partition ")) {
                String outcome;
                try {
                    outcome = String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(CLUSTER, "partition",
                            new Object[] {Boolean.valueOf(line.substring(10).trim())}, new String[] {"boolean"}));
                } catch (Exception e) {
                    outcome = "failed " + e;
                }
                print("partition " + outcome);
            }
        }
    }

    private static void print(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }

    /**
     * Prints the cluster's MBean every half second: {@code cluster role=<role> leader=<address>
     * sending=<bool> because=<why not>}.
     */
    private static void printCluster() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            for (;;) {
                Thread.sleep(500);
                if (server.isRegistered(CLUSTER)) {
                    print("cluster role=" + server.getAttribute(CLUSTER, "role") + " leader="
                            + server.getAttribute(CLUSTER, "leader") + " sending=" + server.getAttribute(CLUSTER, "sending")
                            + " because=" + server.getAttribute(CLUSTER, "notSendingBecause"));
                }
            }
        } catch (Exception e) {
            System.out.println("cluster mbean failed " + e);
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The timer's routes. */
    public static final class Routes {
        public void loop(TimerContext ctx) {
            Instant t = Instant.now();
            long wall = t.getEpochSecond() * 1_000_000_000L + t.getNano();
            print("loop " + wall + " " + ctx.worker() + " " + ctx.tasks());
        }
    }
}
