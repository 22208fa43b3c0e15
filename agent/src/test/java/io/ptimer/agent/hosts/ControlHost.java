package io.ptimer.agent.hosts;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * A long-running host for the control ITs: says it started, then prints a heartbeat every 100 ms
 * for {@code host.millis} ms (default two minutes) so tests can see that it keeps running, and with
 * it, once the MBeans are there, each timer's worker states from its {@code workers} attribute:
 * {@code STATE <timer> 0=<state> 1=<state> ...}, in order with the routes' own lines. With
 * {@code host.notes=<timer>} it listens to that timer's notifications of {@code set} and prints
 * {@code NOTE <type> <timer> <worker> <attribute>=<value>} for each.
 */
public final class ControlHost {
    private ControlHost() {
    }

    public static void main(String[] args) throws Exception {
        Events.say("MAIN started");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String notes = System.getProperty("host.notes");
        if (notes != null) {
            ObjectName timer = Mbeans.timer(notes);
            Mbeans.awaiting(timer).addNotificationListener(timer, (n, handback) -> {
                if (n.getType().equals("io.ptimer.timer.set")) {
                    CompositeData d = (CompositeData) n.getUserData();
                    Events.say("NOTE " + n.getType() + " " + d.get("timer") + " " + d.get("worker") + " "
                            + d.get("attribute") + "=" + d.get("value"));
                }
            }, null, null);
            Events.say("LISTENING " + notes);
        }
        long end = System.nanoTime() + Long.getLong("host.millis", 120_000) * 1_000_000;
        for (int beat = 1; System.nanoTime() < end; beat++) {
            Thread.sleep(100);
            Events.say("HEARTBEAT " + beat);
            for (ObjectName timer : server.queryNames(new ObjectName("io.ptimer:type=Timer,*"), null)) {
                StringBuilder line = new StringBuilder("STATE ").append(timer.getKeyProperty("name"));
                for (Object row : ((TabularData) server.getAttribute(timer, "workers")).values()) {
                    CompositeData w = (CompositeData) row;
                    line.append(' ').append(w.get("worker")).append('=').append(w.get("state"));
                }
                Events.say(line.toString());
            }
        }
        Events.say("MAIN done");
    }
}
