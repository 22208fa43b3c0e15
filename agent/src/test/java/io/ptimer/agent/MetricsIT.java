package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import java.util.ArrayList;
import java.util.List;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import org.junit.jupiter.api.Test;

/**
 * The cumulative figures of a timer's MBean as a dashboard reads them over JMX: a histogram whose buckets
 * only grow and whose workers add up to the timer, late loops counted, last loop and next due in time.
 */
class MetricsIT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static final String CONFIG = ControlProcess.timer("paced", "type=1;interval=10ms;nworkers=2")
            + ",timer=name=slow;type=1;interval=20ms;precision=sleep;jfr_late=1us,loop=timer=slow;route=" + H
            + "Faults::slowOnce";

    private static ObjectName timer(String name) throws Exception {
        return new ObjectName("io.ptimer:type=Timer,name=" + name);
    }

    /** The cumulative counts of a bucket table, in the order of its bounds, for one worker or (-1) the timer. */
    private static List<Long> counts(TabularData table, int worker) {
        List<CompositeData> rows = new ArrayList<>();
        for (Object row : table.values()) {
            CompositeData r = (CompositeData) row;
            if (worker < 0 || r.get("worker").equals(worker)) {
                rows.add(r);
            }
        }
        rows.sort((a, b) -> Double.compare(bound(a), bound(b)));
        return rows.stream().map(r -> (Long) r.get("count")).toList();
    }

    private static double bound(CompositeData row) {
        String le = (String) row.get("le");
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    @Test
    void theHistogramAndCountersAddUpAndTheWorkersTellWhenTheyLoop() throws Exception {
        ChildJvm jvm = new ChildJvm().agent(CONFIG).jvm("-Dfaults.longLoop=5", "-Dfaults.work=60");
        try (ControlProcess host = ControlProcess.start(jvm).awaitReady("paced"); JMXConnector c = host.connectJmx()) {
            MBeanServerConnection server = c.getMBeanServerConnection();
            Thread.sleep(1000);
            ObjectName paced = timer("paced");
            List<Long> first = counts((TabularData) server.getAttribute(paced, "latenessBuckets"), -1);
            Thread.sleep(500);
            AttributeList together = server.getAttributes(paced, new String[] {"latenessBuckets", "iterations",
                "latenessSecondsCount", "workerLatenessBuckets"});
            List<Long> timerCounts = counts((TabularData) ((Attribute) together.get(0)).getValue(), -1);
            long loops = (Long) ((Attribute) together.get(1)).getValue();
            long count = (Long) ((Attribute) together.get(2)).getValue();
            TabularData perWorker = (TabularData) ((Attribute) together.get(3)).getValue();
            assertEquals(18, timerCounts.size(), timerCounts::toString);
            for (int i = 1; i < timerCounts.size(); i++) {
                assertTrue(timerCounts.get(i) >= timerCounts.get(i - 1), "cumulative: " + timerCounts);
                assertTrue(timerCounts.get(i) >= first.get(i), "counts only grow: " + first + " then " + timerCounts);
            }
            // Read one after the other while two workers loop every 10 ms: a few loops may come between.
            long all = timerCounts.get(17);
            assertTrue(all > 100 && Math.abs(loops - all) < 30, "+Inf counts every loop: " + all + " of " + loops);
            long workers = counts(perWorker, 0).get(17) + counts(perWorker, 1).get(17);
            assertTrue(Math.abs(workers - all) < 30, "the workers add up to the timer: " + workers + " / " + all);
            assertTrue(Math.abs(count - loops) < 30, "the histogram's count is the loops: " + count + " / " + loops);
            assertTrue((Double) server.getAttribute(paced, "latenessSecondsSum") > 0);

            long now = System.currentTimeMillis();
            for (Object row : ((TabularData) server.getAttribute(paced, "workers")).values()) {
                CompositeData w = (CompositeData) row;
                long last = (Long) w.get("lastLoopStart");
                long due = (Long) w.get("nextDue");
                assertTrue(now - last < 1000 && last - now < 1000, "the last loop began just now: " + (now - last) + " ms");
                assertTrue(due >= last && due - last <= 1000, "the next is due an interval after it: " + (due - last) + " ms");
            }
            assertTrue((Long) server.getAttribute(timer("slow"), "lateLoops") >= 1,
                    "a sleeping wait wakes later than jfr_late=1us");
            assertTrue((Long) server.getAttribute(paced, "lateLoops") < loops / 2, "on-time loops are not late");

            server.invoke(paced, "pause", new Object[] {0}, new String[] {"int"});
            Thread.sleep(200);
            for (Object row : ((TabularData) server.getAttribute(paced, "workers")).values()) {
                CompositeData w = (CompositeData) row;
                assertEquals((Integer) w.get("worker") == 0 ? 0L : 1L, Long.signum((Long) w.get("nextDue")),
                        "a paused worker has no next loop due: " + w);
            }
        }
    }
}
