package io.ptimer.agent.hosts;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * Lets faulty timers run for {@code host.millis} ms, then prints what their MBeans show: per timer
 * {@code MBEAN <timer> iterations=.. errors=..}, and per worker {@code WORKER <timer> <worker> state=.. runningForUs=..}.
 */
public final class FaultsHost {
    private FaultsHost() {
    }

    public static void main(String[] args) throws Exception {
        Events.say("MAIN started");
        Thread.sleep(Long.getLong("host.millis", 3000));
        for (String timer : args) {
            ObjectName name = Mbeans.timer(timer);
            MBeanServer server = Mbeans.awaiting(name);
            for (Object row : ((TabularData) server.getAttribute(name, "workers")).values()) {
                CompositeData w = (CompositeData) row;
                Events.say("WORKER " + timer + " " + w.get("worker") + " state=" + w.get("state") + " route="
                        + w.get("route") + " runningForUs=" + w.get("runningForUs") + " iterations="
                        + w.get("iterations") + " errors=" + w.get("errors"));
            }
            Events.say("MBEAN " + timer + " iterations=" + server.getAttribute(name, "iterations") + " errors="
                    + server.getAttribute(name, "errors"));
        }
        Events.say("MAIN done");
    }
}
