package io.ptimer.agent.hosts;

import io.ptimer.api.TimerContext;

/** Test hosts print one line per event, {@code EV <route> <timer> <worker> <ms since start> [details]}, for the ITs to read. */
public final class Events {
    /** When the host started, for the event times. */
    static final long T0 = System.nanoTime();

    private Events() {
    }

    public static synchronized void emit(String route, TimerContext ctx, Object... details) {
        StringBuilder line = new StringBuilder("EV ").append(route).append(' ').append(ctx.name()).append(' ')
                .append(ctx.worker()).append(' ').append(String.format("%.3f", (System.nanoTime() - T0) / 1e6));
        for (Object d : details) {
            line.append(' ').append(d);
        }
        System.out.println(line);
        System.out.flush();
    }

    public static synchronized void say(String text) {
        System.out.println(text);
        System.out.flush();
    }
}
