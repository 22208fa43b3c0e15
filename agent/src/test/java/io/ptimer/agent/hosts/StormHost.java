package io.ptimer.agent.hosts;

import io.ptimer.api.TimerContext;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * The random control storm through the platform MBean server: four threads race requests at the
 * timers given as arguments (each with {@code host.workers} workers whose routes are this class's),
 * through the manager MBean (whole timer or one worker) and the timer MBeans (all workers or one).
 * Each worker's JMX notifications are checked event by event ({@link WorkerTrace}); every start
 * request must run one start route; and each worker's {@code workers} row must come to show the
 * state its notifications lead to. Then requests one at a time, each awaited in the row. Prints
 * {@code STORM <worker> ok ...} or {@code STORM <worker> FAIL <why>} per worker and
 * {@code SEQUENCE <worker> ok|FAIL ...}.
 */
public final class StormHost {
    private static final String PREFIX = "io.ptimer.worker.";
    private static final Map<String, AtomicInteger> START_RUNS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> NOTIFIED = new ConcurrentHashMap<>();
    private static final String[] COMMANDS = {"pause", "continue", "start", "loop", "end"};
    private static final String S = String.class.getName();
    private static final String I = int.class.getName();

    private StormHost() {
    }

    private static String key(String timer, int worker) {
        return timer + "/" + worker;
    }

    /** The storm's routes: the start route is counted, per worker. */
    public static class Routes {
        public void start(TimerContext ctx) {
            START_RUNS.computeIfAbsent(key(ctx.name(), ctx.worker()), k -> new AtomicInteger()).incrementAndGet();
        }

        public void loop(TimerContext ctx) {
        }

        public void end(TimerContext ctx) {
        }
    }

    public static void main(String[] timers) throws Exception {
        int nworkers = Integer.getInteger("host.workers", 3);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName manager = new ObjectName("io.ptimer:type=PTimer");
        List<ObjectName> names = new ArrayList<>();
        for (String t : timers) {
            names.add(new ObjectName("io.ptimer:type=Timer,name=" + t));
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (ObjectName name : names) {
            while (!server.isRegistered(name)) {
                check(System.nanoTime() < deadline, name + " registered");
                Thread.sleep(20);
            }
        }
        for (int t = 0; t < timers.length; t++) {
            for (int w = 0; w < nworkers; w++) {
                String key = key(timers[t], w);
                while (!START_RUNS.containsKey(key) || !row(server, names.get(t), w).get("state").equals("sleeping")) {
                    check(System.nanoTime() < deadline, key + " in its loop");
                    Thread.sleep(10);
                }
                NOTIFIED.put(key, new ArrayList<>());
            }
            server.addNotificationListener(names.get(t), (n, handback) -> {
                CompositeData data = (CompositeData) n.getUserData();
                List<String> list = NOTIFIED.get(key((String) data.get("timer"), (Integer) data.get("worker")));
                synchronized (list) {
                    list.add(n.getType().substring(PREFIX.length()));
                }
            }, null, null);
        }

        Map<String, AtomicInteger> startsSent = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            Thread sender = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try {
                    go.await();
                    for (int n = 0; n < Integer.getInteger("host.requests", 1500); n++) {
                        String command = COMMANDS[random.nextInt(COMMANDS.length)];
                        int t = random.nextInt(timers.length);
                        int via = random.nextInt(4);
                        int worker = random.nextInt(nworkers);
                        if (command.equals("start")) {
                            for (int w = 0; w < nworkers; w++) {
                                if (via % 2 == 0 || w == worker) {
                                    startsSent.computeIfAbsent(key(timers[t], w), k -> new AtomicInteger()).incrementAndGet();
                                }
                            }
                        }
                        switch (via) {
                            case 0 -> server.invoke(manager, command, new Object[] {timers[t]}, new String[] {S});
                            case 1 -> server.invoke(manager, command, new Object[] {timers[t], worker}, new String[] {S, I});
                            case 2 -> server.invoke(names.get(t), command, new Object[0], new String[0]);
                            default -> server.invoke(names.get(t), command, new Object[] {worker}, new String[] {I});
                        }
                    }
                } catch (Exception e) {
                    Events.say("SENDER FAIL " + e);
                }
            });
            sender.start();
            senders.add(sender);
        }
        go.countDown();
        for (Thread sender : senders) {
            sender.join(60_000);
            check(!sender.isAlive(), "a sender is stuck: deadlock?");
        }

        Random random = new Random(11);
        for (int t = 0; t < timers.length; t++) {
            for (int w = 0; w < nworkers; w++) {
                String key = key(timers[t], w);
                int sent = startsSent.getOrDefault(key, new AtomicInteger()).get();
                WorkerTrace.State state = storm(server, names.get(t), w, key, sent);
                if (state != null) {
                    sequence(server, names.get(t), w, key, state, random);
                }
            }
        }
        Events.say("MAIN done");
    }

    /** Waits for the worker to settle after the storm; the state its notifications lead to, or null on failure. */
    private static WorkerTrace.State storm(MBeanServer server, ObjectName timer, int w, String key, int startsSent)
            throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (;;) {
            List<String> events = notified(key);
            WorkerTrace trace;
            try {
                trace = new WorkerTrace(false, true).accept(events);
            } catch (IllegalStateException e) {
                Events.say("STORM " + key + " FAIL " + e.getMessage() + " " + tail(events, e));
                return null;
            }
            CompositeData row = row(server, timer, w);
            int startRuns = START_RUNS.get(key).get();
            boolean unchanged = notified(key).size() == events.size();
            if (trace.starts() > startsSent || startRuns > startsSent + 1) {
                Events.say("STORM " + key + " FAIL " + startsSent + " start requests announced " + trace.starts()
                        + " and ran " + startRuns + " start routes");
                return null;
            }
            if (unchanged && trace.settled() && trace.starts() == startsSent && startRuns == startsSent + 1
                    && shows(row, trace.state())) {
                Events.say("STORM " + key + " ok state=" + trace.state() + " notifications=" + events.size()
                        + " starts=" + startsSent);
                return trace.state();
            }
            if (System.nanoTime() > deadline) {
                Events.say("STORM " + key + " FAIL did not settle: notifications lead to " + trace.state() + " (settled="
                        + trace.settled() + "), row " + describe(row) + ", " + trace.starts() + " start notifications and "
                        + startRuns + " start routes for " + startsSent + " start requests");
                return null;
            }
            Thread.sleep(10);
        }
    }

    /** Requests one at a time through the timer MBean, each awaited in the worker's row. */
    private static void sequence(MBeanServer server, ObjectName timer, int w, String key, WorkerTrace.State state,
                                 Random random) throws Exception {
        List<String> done = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String command = COMMANDS[random.nextInt(COMMANDS.length)];
            WorkerTrace.State expected = WorkerTrace.after(state, command);
            server.invoke(timer, command, new Object[] {w}, new String[] {I});
            done.add(command);
            long deadline = System.nanoTime() + 20_000_000_000L;
            CompositeData row;
            while (!shows(row = row(server, timer, w), expected)) {
                if (System.nanoTime() > deadline) {
                    Events.say("SEQUENCE " + key + " FAIL after " + done + " from " + state + ": expected " + expected
                            + ", row " + describe(row));
                    return;
                }
                Thread.sleep(5);
            }
            state = expected;
        }
        try {
            new WorkerTrace(false, true).accept(notified(key));
        } catch (IllegalStateException e) {
            Events.say("SEQUENCE " + key + " FAIL " + e.getMessage());
            return;
        }
        Events.say("SEQUENCE " + key + " ok " + done + " state=" + state);
    }

    /** Whether a {@code workers} row shows the state: its state word, its paused flag and its route. */
    private static boolean shows(CompositeData row, WorkerTrace.State state) {
        boolean paused = (Boolean) row.get("paused");
        boolean none = row.get("route").equals("none");
        return WorkerTrace.reports(state, (String) row.get("state")) && paused == (state != WorkerTrace.State.RUNNING)
                && none == (state == WorkerTrace.State.ENDED);
    }

    private static String describe(CompositeData row) {
        return "state=" + row.get("state") + " paused=" + row.get("paused") + " route=" + row.get("route");
    }

    private static CompositeData row(MBeanServer server, ObjectName timer, int worker) throws Exception {
        TabularData rows = (TabularData) server.getAttribute(timer, "workers");
        return rows.get(new Object[] {worker});
    }

    private static List<String> notified(String key) {
        List<String> list = NOTIFIED.get(key);
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }

    private static String tail(List<String> events, IllegalStateException e) {
        int at = Integer.parseInt(e.getMessage().split(" ")[1]);
        return events.subList(Math.max(0, at - 12), Math.min(events.size(), at + 1)).toString();
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("timed out or failed: " + what);
        }
    }
}
