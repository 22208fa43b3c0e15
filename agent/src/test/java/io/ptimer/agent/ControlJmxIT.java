package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularType;
import javax.management.remote.JMXConnector;
import org.junit.jupiter.api.Test;

/** The MBeans as a JMX client such as JConsole sees them: metadata, open types and notifications. */
class ControlJmxIT {
    private static final ObjectName Q = name("io.ptimer:type=Timer,name=q");
    private static final ObjectName MANAGER = name("io.ptimer:type=PTimer");

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void everyAttributeOperationAndParameterIsNamedAndDescribed() throws Exception {
        try (ControlProcess host = ControlProcess.start(new ChildJvm().agent(ControlScenario.TIMERS)).awaitReady("q");
             JMXConnector c = host.connectJmx()) {
            MBeanServerConnection server = c.getMBeanServerConnection();
            for (ObjectName bean : List.of(Q, MANAGER)) {
                MBeanInfo info = server.getMBeanInfo(bean);
                assertFalse(info.getDescription().isBlank());
                Set<String> ops = new TreeSet<>();
                for (MBeanOperationInfo op : info.getOperations()) {
                    assertFalse(op.getDescription().isBlank(), op.getName());
                    List<String> params = new ArrayList<>();
                    for (MBeanParameterInfo p : op.getSignature()) {
                        assertFalse(p.getDescription().isBlank(), op.getName() + " " + p.getName());
                        params.add(p.getType() + " " + p.getName());
                    }
                    ops.add(op.getName() + params);
                }
                if (bean.equals(Q)) {
                    assertEquals(new TreeSet<>(List.of("continue[]", "continue[int worker]", "end[]", "end[int worker]",
                            "loop[]", "loop[int worker]", "pause[]", "pause[int worker]", "start[]",
                            "start[int worker]", "set[java.lang.String assignment]",
                            "set[java.lang.String assignment, int worker]")), ops);
                    for (var a : info.getAttributes()) {
                        assertFalse(a.getDescription().isBlank(), a.getName());
                        assertNotNull(a.getDescriptor().getFieldValue("openType"), a.getName());
                    }
                    assertEquals(2, info.getNotifications().length, "worker state changes and set");
                } else {
                    assertTrue(ops.containsAll(List.of("list[]", "list[java.lang.String section]", "continue[java.lang.String timer]",
                            "continue[java.lang.String timer, int worker]", "pause[java.lang.String timer]",
                            "end[java.lang.String timer, int worker]", "set[java.lang.String timer, java.lang.String"
                            + " assignment]", "set[java.lang.String timer, java.lang.String assignment, int worker]")),
                            ops.toString());
                    assertEquals(14, ops.size(), ops.toString());
                }
            }
            TabularData workers = (TabularData) server.getAttribute(Q, "workers");
            assertInstanceOf(TabularType.class, workers.getTabularType());
            assertEquals(2, workers.size());
            CompositeData w1 = workers.get(new Object[] {1});
            assertEquals(1, w1.get("worker"));
            assertEquals(Boolean.FALSE, w1.get("paused"));
            assertEquals("loop", w1.get("route"));
            assertTrue((Long) w1.get("pid") > 0);
            assertTrue((Long) server.getAttribute(Q, "iterations") > 0);
        }
    }

    @Test
    void agentLeavesThePlatformMBeanServerToOthersAndRegistersAsSoonAsItExists() throws Exception {
        ChildJvm.Result r = new ChildJvm().agent(ControlScenario.TIMERS).run(Duration.ofSeconds(60),
                ControlProcess.H + "LateJmxHost");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("SERVERS 0"), r.lines("SERVERS"), "1.5 s after start-up the agent has made no MBean server");
        List<String> mbeans = r.lines("MBEANS");
        assertEquals(1, mbeans.size(), r::toString);
        assertNotEquals("MBEANS none", mbeans.get(0), r::toString);
        assertTrue(Long.parseLong(mbeans.get(0).substring(7)) < 1000, r::toString);
    }

    @Test
    void workerStateChangesAreNotified() throws Exception {
        try (ControlProcess host = ControlProcess.start(new ChildJvm().agent(ControlScenario.TIMERS)).awaitReady("q");
             JMXConnector c = host.connectJmx()) {
            MBeanServerConnection server = c.getMBeanServerConnection();
            BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
            NotificationListener listener = (n, handback) -> received.add(n);
            server.addNotificationListener(Q, listener, null, null);
            String[] one = {"int"};

            server.invoke(Q, "pause", new Object[] {0}, one);
            expect(received, "paused", 0);
            server.invoke(Q, "continue", new Object[] {0}, one);
            expect(received, "resumed", 0);
            server.invoke(Q, "end", new Object[] {1}, one);
            expect(received, "end", 1);
            expect(received, "paused", 1);
            server.invoke(Q, "start", new Object[] {1}, one);
            expect(received, "resumed", 1);
            expect(received, "start", 1);
            expect(received, "loop", 1);
            server.invoke(Q, "loop", new Object[] {0}, one);
            expect(received, "loop", 0);

            MBeanException refused = assertThrows(MBeanException.class,
                    () -> server.invoke(Q, "pause", new Object[] {9}, one));
            assertEquals("timer \"q\" has no worker 9 (workers: 0..1)", refused.getMessage());
            refused = assertThrows(MBeanException.class,
                    () -> server.invoke(MANAGER, "pause", new Object[] {"nope"}, new String[] {"java.lang.String"}));
            assertEquals("unknown timer \"nope\" (timers: q, slow)", refused.getMessage());
            Thread.sleep(300);
            assertEquals(List.of(), new ArrayList<>(received), "refused requests change nothing");
            server.removeNotificationListener(Q, listener);
        }
    }

    private static void expect(BlockingQueue<Notification> received, String event, int worker) throws Exception {
        Notification n = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(n, "no notification " + event + " of worker " + worker);
        assertEquals("io.ptimer.worker." + event, n.getType(), n.getMessage());
        assertEquals("timer \"q\" worker " + worker + ": " + event, n.getMessage());
        CompositeData data = (CompositeData) n.getUserData();
        assertEquals(worker, data.get("worker"));
        assertEquals("q", data.get("timer"));
        assertEquals(Q, n.getSource());
    }

    @Test
    void aRandomStormThroughTheMBeanServerLeavesEachWorkerInTheStateItsNotificationsLeadTo() throws Exception {
        StringBuilder args = new StringBuilder();
        String route = ";route=io.ptimer.agent.hosts.StormHost$Routes::";
        for (int type = 0; type < 4; type++) {
            String t = "s" + type;
            args.append(type == 0 ? "" : ",").append("timer=name=").append(t).append(";type=").append(type)
                    .append(";interval=1ms;nworkers=3;ntasks=10;nslices=3");
            for (String phase : List.of("start", "loop", "end")) {
                args.append(',').append(phase).append("=timer=").append(t).append(route).append(phase);
            }
        }
        ChildJvm.Result r = new ChildJvm().agent(args.toString()).jvm("-Dhost.workers=3")
                .run(java.time.Duration.ofMinutes(2), "io.ptimer.agent.hosts.StormHost", "s0", "s1", "s2", "s3");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of(), r.lines("SENDER"), r::toString);
        List<String> storm = r.lines("STORM ");
        assertEquals(12, storm.size(), r::toString);
        storm.forEach(l -> assertTrue(l.contains(" ok "), l));
        long notifications = storm.stream().mapToLong(l -> Long.parseLong(ChildJvm.field(l.split(" "), "notifications")))
                .sum();
        assertTrue(notifications > 1000, "the storm changed the workers' states often: " + notifications);
        List<String> sequence = r.lines("SEQUENCE ");
        assertEquals(12, sequence.size(), r::toString);
        sequence.forEach(l -> assertTrue(l.contains(" ok "), l));
    }
}
