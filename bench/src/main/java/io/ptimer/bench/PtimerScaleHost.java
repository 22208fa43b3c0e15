package io.ptimer.bench;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The agent at scale: one sync timer whose {@code nworkers} workers, each on its own thread, are
 * the timers, started by the agent from its configuration file before {@code main}
 * ({@link PtimerScaleTick}). With {@code bench.baseline=true} the agent runs without a timer, and
 * the host only measures the heap that such a run holds. Either way the host makes the platform
 * MBean server first and the measuring begins once the agent's MBeans are registered in it, so that
 * neither falls in the recorded window or the difference of the heaps; when the timers keep the
 * machine too busy for the agent to register them, it begins {@value #MBEAN_WAIT_SECONDS} s after
 * start-up all the same, and says so on stderr.
 */
public final class PtimerScaleHost {
    /** The timer's name in the configuration. */
    static final String TIMER = "scale";
    private static final long MBEAN_WAIT_SECONDS = 10;

    private PtimerScaleHost() {
    }

    public static void main(String[] args) throws Exception {
        boolean baseline = Boolean.getBoolean("bench.baseline");
        awaitMBean(baseline ? "io.ptimer:type=PTimer" : "io.ptimer:type=Timer,name=" + TIMER);
        if (baseline) {
            ScaleProbe.baseline();
            return;
        }
        ScaleProbe.runStarted(() -> {
            PtimerScaleTick.stop();
            Thread.sleep(100);
        });
    }

    private static void awaitMBean(String name) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName mbean = new ObjectName(name);
        while (!server.isRegistered(mbean)) {
            if (ManagementFactory.getRuntimeMXBean().getUptime() > MBEAN_WAIT_SECONDS * 1000) {
                System.err.println("bench: no MBean " + name + " within " + MBEAN_WAIT_SECONDS
                        + " s of start-up; measuring without it");
                return;
            }
            Thread.sleep(10);
        }
    }
}
