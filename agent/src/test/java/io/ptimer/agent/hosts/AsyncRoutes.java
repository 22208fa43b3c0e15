package io.ptimer.agent.hosts;

import io.ptimer.api.AsyncContext;
import io.ptimer.api.TkvEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Routes of the async ITs. Each prints {@code AS <label> thread=<name> after=<ms since marked> ...};
 * the host marks a label just before the call that leads to it.
 */
public class AsyncRoutes {
    public static final AtomicInteger COUNT = new AtomicInteger();
    private static final Map<String, Long> MARKS = new ConcurrentHashMap<>();
    private final int instance = System.identityHashCode(this);

    public static void mark(String label) {
        MARKS.put(label, System.nanoTime());
    }

    static void say(String label, Object... details) {
        Long since = MARKS.get(label);
        StringBuilder b = new StringBuilder("AS ").append(label).append(" thread=").append(Thread.currentThread().getName())
                .append(" after=").append(since == null ? "-" : String.format("%.3f", (System.nanoTime() - since) / 1e6));
        for (Object d : details) {
            b.append(' ').append(d);
        }
        Events.say(b.toString());
    }

    public static void ms200(AsyncContext ctx) {
        say("ms200", "route=" + ctx.route(), "group=" + ctx.group(), "data=" + ctx.data());
    }

    public static void sec1() {
        say("sec1");
    }

    public void task(AsyncContext ctx) throws InterruptedException {
        Thread.sleep(20);
        say("task", "group=" + ctx.group(), "instance=" + instance);
    }

    public static void data(AsyncContext ctx) {
        say("data", "group=" + ctx.group(), "data=[" + ctx.data() + "]");
    }

    public static void event(TkvEvent e) {
        say("tkv", "type=" + e.type(), "key=" + e.key(), "value=[" + e.value() + "]", "group=" + e.group());
    }

    public static void hold() throws InterruptedException {
        Thread.sleep(400);
    }

    public static void boom(AsyncContext ctx) {
        throw new IllegalStateException("boom from " + ctx.route());
    }

    public static void after(AsyncContext ctx) {
        say("after", "group=" + ctx.group());
    }

    public static void count() {
        COUNT.incrementAndGet();
    }

    public static void late() {
        say("late");
    }

    public static void takesString(String s) {
    }
}
