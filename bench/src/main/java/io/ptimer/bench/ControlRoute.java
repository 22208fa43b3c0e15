package io.ptimer.bench;

/** Routes of the control-latency timer: each notes when it began, for {@link ControlLatencyHost}. */
public final class ControlRoute {
    static volatile long startedAt;
    static volatile long starts;
    static volatile long loops;

    public static void start() {
        startedAt = System.nanoTime();
        starts++;
    }

    public static void loop() {
        loops++;
    }
}
