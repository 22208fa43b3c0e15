package io.ptimer.agent.hosts;

import io.ptimer.api.Async;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;

/**
 * The host of the async ITs: calls every function of {@link Async} as an application would and prints
 * what happens ({@code AS ...} from the routes, {@code BAD <label> <exception>: <message>} for the
 * refused calls, {@code MB ...} for the MBeans). With the argument {@code idle} it only lists threads.
 */
public final class AsyncHost {
    private static final String R = "io.ptimer.agent.hosts.AsyncRoutes::";

    private AsyncHost() {
    }

    public static void main(String[] args) throws Exception {
        Events.say("MAIN started");
        if (args.length > 0 && args[0].equals("idle")) {
            Thread.sleep(300);
            threads();
            return;
        }
        if (args.length > 0 && args[0].equals("minimal")) {
            minimal();
            return;
        }
        AsyncRoutes.mark("ms200");
        Async.msRoute(R + "ms200", 200);
        AsyncRoutes.mark("sec1");
        Async.route(R + "sec1", 1);
        AsyncRoutes.mark("sleep");
        Async.msSleep(150).thenRun(() -> AsyncRoutes.say("sleep")).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 12; i++) {
            Async.taskRoute(R + "task");
        }
        Async.taskGroupData(R + "data", "abc", "caller: alice - callee: bob");
        Async.taskData(R + "data", "caller: carol - callee: dave");
        for (int i = 0; i < 3; i++) {
            Async.tkvEmit(8000 + i, "call", "caller='alice';callee='bob'");
        }
        bad();
        for (int i = 0; i < 3; i++) {
            Async.taskGroupRoute(R + "boom", "abc");
            Async.msRoute(R + "boom", 10);
        }
        Async.taskGroupRoute(R + "after", "abc");
        Async.msRoute(R + "after", 50);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 300; i++) {
            Async.msRoute(R + "count", 1 + random.nextInt(500));
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (AsyncRoutes.COUNT.get() < 300 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        Events.say("COUNT " + AsyncRoutes.COUNT.get());
        Thread.sleep(1200);
        mbeans();
        threads();
        for (int i = 0; i < 5; i++) {
            Async.route(R + "late", 100);
        }
        Events.say("READY");
        Thread.sleep(Long.getLong("host.millis", 0));
        Events.say("MAIN done");
    }

    private static void minimal() throws Exception {
        AsyncRoutes.mark("ms200");
        Async.msRoute(R + "ms200", 200);
        Async.taskData(R + "data", "in process");
        Async.msSleep(400).get(10, TimeUnit.SECONDS);
        threads();
    }

    private static void bad() throws InterruptedException {
        String r = R + "count";
        attempt("ms0", () -> Async.msRoute(r, 0));
        attempt("ms30001", () -> Async.msRoute(r, 30001));
        attempt("s0", () -> Async.route(r, 0));
        attempt("s101", () -> Async.route(r, 101));
        attempt("sleep0", () -> Async.sleep(0));
        attempt("mssleep30001", () -> Async.msSleep(30001));
        attempt("group", () -> Async.taskGroupRoute(r, "nope"));
        attempt("nullroute", () -> Async.taskRoute(null));
        attempt("noclass", () -> Async.msRoute("io.ptimer.agent.hosts.NoSuch::x", 10));
        attempt("nomethod", () -> Async.msRoute(R + "missing", 10));
        attempt("syntax", () -> Async.taskRoute("AsyncRoutes.count"));
        attempt("signature", () -> Async.taskRoute(R + "takesString"));
        attempt("data1025", () -> Async.taskData(r, "x".repeat(1025)));
        attempt("value1026", () -> Async.tkvEmit(1, "k", "é".repeat(513)));
        Async.taskGroupData(R + "hold", "abc", "x".repeat(1024));
        for (int i = 0; i < 6; i++) {
            int n = i;
            if (!attempt("full" + n, () -> Async.taskGroupRoute(R + "hold", "nb"))) {
                break;
            }
        }
    }

    /** @return whether the call went through */
    private static boolean attempt(String label, Runnable call) {
        try {
            call.run();
            return true;
        } catch (RuntimeException e) {
            Events.say("BAD " + label + " " + e.getClass().getName() + ": " + e.getMessage());
            return false;
        }
    }

    private static void mbeans() throws Exception {
        ObjectName async = Mbeans.name("io.ptimer:type=Async");
        MBeanServer server = Mbeans.awaiting(async);
        for (String a : new String[] {"timerThreads", "pending", "run", "errors", "latenessP50Us", "latenessP99Us",
                "latenessMaxUs"}) {
            Events.say("MB Async " + a + "=" + server.getAttribute(async, a));
        }
        TabularData groups = (TabularData) server.getAttribute(async, "groups");
        Events.say("MB Async groups=" + groups.size());
        for (String g : new String[] {"default", "abc", "nb", "tkv"}) {
            ObjectName name = new ObjectName("io.ptimer:type=AsyncGroup,name=" + g);
            StringBuilder b = new StringBuilder("MB AsyncGroup " + g);
            for (String a : new String[] {"workers", "queued", "completed", "errors", "nonblock", "usleep", "queueBound"}) {
                b.append(' ').append(a).append('=').append(server.getAttribute(name, a));
            }
            Events.say(b.toString());
        }
    }

    private static void threads() {
        Set<String> names = new TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("async-")) {
                names.add(t.getName() + (t.isDaemon() ? "" : "(not daemon)"));
            }
        }
        Events.say("THREADS " + String.join(",", names));
    }
}
