package io.ptimer.agent.hosts;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Drives {@code host.cycles} start/end cycles of timer "g" through the manager MBean, and prints
 * used heap (after GC) and live threads after the first tenth and at the end, each once the worker
 * has applied every request sent:
 * {@code GROWTH <cycles> heap=<bytes> threads=<n>}, then how many start and end routes ran.
 */
public final class GrowthHost {
    private GrowthHost() {
    }

    public static void main(String[] args) throws Exception {
        ObjectName manager = Mbeans.name("io.ptimer:type=PTimer");
        ObjectName timer = Mbeans.timer("g");
        MBeanServer server = Mbeans.awaiting(manager, timer);
        String[] signature = {String.class.getName()};
        Object[] g = {"g"};
        int cycles = Integer.getInteger("host.cycles", 100_000);
        for (int i = 1; i <= cycles; i++) {
            server.invoke(manager, "start", g, signature);
            server.invoke(manager, "end", g, signature);
            if (i % 1000 == 0) {
                while (!Integer.valueOf(1).equals(server.getAttribute(timer, "pausedWorkers"))) {
                    Thread.onSpinWait();
                }
            }
            if (i == cycles / 10 || i == cycles) {
                awaitEnds(i);
                report(i);
            }
        }
        Events.say("COUNTS starts=" + Counter.STARTS.get() + " ends=" + Counter.ENDS.get());
        Events.say("MAIN done");
    }

    /** Waits until the worker has run the end route of every cycle sent so far: no request is left queued. */
    private static void awaitEnds(int cycles) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (Counter.ENDS.get() < cycles && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private static void report(int cycles) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // The workers park between requests; three full collections a little apart settle the heap.
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Events.say("GROWTH " + cycles + " heap=" + memory.getHeapMemoryUsage().getUsed() + " threads="
                + Thread.activeCount());
    }
}
