package io.ptimer.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import jdk.jfr.Recording;

/**
 * Child JVM of the part {@code jfr}, with the agent: calls the agent's late-loop report to Flight
 * Recorder as a late loop does, with no recorder started, with a recording that disables the event,
 * and with one that records it with and without a stack trace; prints {@code COST <case> <ns>}, the
 * best of five rounds' mean time per call after warming up.
 */
public final class FlightCostHost {
    private static final MethodHandle LATE;

    static {
        try {
            LATE = MethodHandles.publicLookup().findStatic(Class.forName("io.ptimer.agent.jfr.Flight"), "late",
                    MethodType.methodType(void.class, String.class, String.class, int.class, long.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FlightCostHost() {
    }

    public static void main(String[] args) throws Throwable {
        int calls = Integer.getInteger("bench.calls", 1_000_000);
        measure("none", calls);
        try (Recording disabled = new Recording()) {
            disabled.disable("io.ptimer.LateLoop");
            disabled.start();
            measure("disabled", calls);
        }
        try (Recording enabled = new Recording()) {
            enabled.enable("io.ptimer.LateLoop").withoutStackTrace();
            enabled.start();
            measure("enabled", calls / 10);
        }
        try (Recording traced = new Recording()) {
            traced.enable("io.ptimer.LateLoop").withStackTrace();
            traced.start();
            measure("stack", calls / 10);
        }
    }

    private static void measure(String name, int calls) throws Throwable {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 8; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                LATE.invokeExact("ptimer", "t1", 0, 2_000_000L + i, 1_000_000L);
            }
            if (round >= 3) {
                best = Math.min(best, (double) (System.nanoTime() - t0) / calls);
            }
        }
        System.out.printf(Locale.ROOT, "COST %s %.1f%n", name, best);
    }
}
