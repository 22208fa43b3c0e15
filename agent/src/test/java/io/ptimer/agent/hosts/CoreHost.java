package io.ptimer.agent.hosts;

import io.ptimer.api.CoreTimers;
import io.ptimer.api.TimerHandle;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A host application that uses the core timer API the way a library would, and prints
 * {@code CT <timer> <ms since start> <thread> ticks=<n> param=<p>} per run, the API's answers to
 * bad arguments as {@code ERR <message>}, and at the end its core timers' MBeans as {@code MBEAN ...}.
 */
public final class CoreHost {
    private static final long T0 = System.nanoTime();

    private CoreHost() {
    }

    private static void run(String timer, long ticks, Object param) {
        Events.say("CT " + timer + " " + String.format("%.3f", (System.nanoTime() - T0) / 1e6) + " "
                + Thread.currentThread().getName() + " ticks=" + ticks + " param=" + param);
    }

    private static void error(Runnable call) {
        try {
            call.run();
            Events.say("ERR none");
        } catch (RuntimeException e) {
            Events.say("ERR " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("core.serve")) {
            CoreTimers.registerTimerMs("beat", (t, p) -> run("beat", t, p), null, 20);
            Events.say("MAIN started");
            Thread.sleep(Long.getLong("host.millis", 60_000));
            return;
        }
        if (Boolean.getBoolean("core.errorsOnly")) {
            error(() -> CoreTimers.ticks());
            error(() -> CoreTimers.registerTimer("x", (t, p) -> { }, null, 1));
            return;
        }
        Events.say("MAIN started ticks=" + CoreTimers.ticks() + " raw=" + CoreTimers.ticksRaw());
        CoreTimers.registerTimer("sec", (t, p) -> run("sec", t, p), "s", 1);
        TimerHandle ms = CoreTimers.registerTimerMs("ms", (t, p) -> run("ms", t, p), "m", 20);
        CoreTimers.registerTimerProcess("proc", (t, p) -> run("proc", t, p), null, 1);
        Events.say("REGISTERING proc.ms " + String.format("%.3f", (System.nanoTime() - T0) / 1e6));
        CoreTimers.registerTimerProcessMs("proc.ms", (t, p) -> run("proc.ms", t, p), 7, 30);
        AtomicLong booms = new AtomicLong();
        CoreTimers.registerTimerMs("boom", (t, p) -> {
            booms.incrementAndGet();
            throw new IllegalStateException("boom " + booms.get());
        }, null, 50);

        error(() -> CoreTimers.registerTimerMs("ms", (t, p) -> { }, null, 10));
        error(() -> CoreTimers.registerTimer("bad name", (t, p) -> { }, null, 1));
        error(() -> CoreTimers.registerTimer("", (t, p) -> { }, null, 1));
        error(() -> CoreTimers.registerTimer(null, (t, p) -> { }, null, 1));
        error(() -> CoreTimers.registerTimer("nofunction", null, null, 1));
        error(() -> CoreTimers.registerTimerMs("zero", (t, p) -> { }, null, 0));
        error(() -> CoreTimers.registerTimerProcess("negative", (t, p) -> { }, null, -3));

        Thread.sleep(Long.getLong("core.cancelAfter", 600));
        ms.cancel();
        Events.say("CANCELLED ms cancelled=" + ms.cancelled());
        Thread.sleep(Long.getLong("host.millis", 1600));
        Events.say("END ticks=" + CoreTimers.ticks() + " raw=" + CoreTimers.ticksRaw());
        try (TimerHandle again = CoreTimers.registerTimerMs("ms", (t, p) -> { }, null, 10)) {
            Events.say("REREGISTERED " + again.name() + " cancelled=" + again.cancelled());
        }
        MBeanServer server = Mbeans.awaiting(Mbeans.name("io.ptimer:type=PTimer"));
        for (String name : List.of("sec", "proc.ms", "boom", "ms")) {
            ObjectName on = new ObjectName("io.ptimer:type=CoreTimer,name=" + name);
            if (!server.isRegistered(on)) {
                Events.say("MBEAN " + name + " missing");
                continue;
            }
            StringBuilder b = new StringBuilder("MBEAN " + name);
            for (String a : List.of("thread", "threadName", "interval", "runs", "errors", "cancelled", "lastError")) {
                b.append(' ').append(a).append('=').append(String.valueOf(server.getAttribute(on, a)).replace(' ', '_'));
            }
            Events.say(b.toString());
        }
        Events.say("MAIN done");
    }
}
