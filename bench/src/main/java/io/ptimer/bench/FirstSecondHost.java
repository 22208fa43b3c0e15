package io.ptimer.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Host application of the part {@code firstsecond}: the loop route of its one sync timer only stores
 * when it starts and when it ends, in memory ({@link Stamps}: no I/O, no allocation). {@code main}
 * waits until the loops cover {@code bench.seconds} from the first, writes the start and end times of
 * the loops that began within that span, a loop a line, to {@code bench.out}, and ends the JVM.
 * With {@code bench.control=true}, for a JVM without the agent, a plain thread of its own calls the
 * route on a 1 ms grid ({@link #control}): the control that shows how the VM's own first seconds
 * compare with its later ones. With {@code bench.serverAt=true} {@code main} makes the platform MBean
 * server 1 s after the first loop, as a host that starts its JMX late does; the agent then registers
 * its MBeans.
 */
public final class FirstSecondHost {
    private static final long SPAN = TimeUnit.SECONDS.toNanos(Long.getLong("bench.seconds"));
    /** Room for the span's loops and for those of the time main may take to see it is over. */
    private static final long ROOM = SPAN + TimeUnit.SECONDS.toNanos(10);
    private static final Stamps STAMPS = new Stamps(new long[] {FirstSecond.INTERVAL, FirstSecond.INTERVAL}, ROOM);

    /**
     * How long before each grid point the control thread stops parking and spins: enough for a park's
     * overshoot on a shared VM, so that its later seconds are about as sharp as the agent's timer's.
     */
    private static final long CONTROL_SPIN = TimeUnit.MICROSECONDS.toNanos(200);

    private FirstSecondHost() {
    }

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("bench.control")) {
            Thread t = new Thread(FirstSecondHost::control, "control");
            t.setDaemon(true);
            t.start();
        }
        long began = System.nanoTime();
        long giveUp = began + ROOM;
        if (Boolean.getBoolean("bench.serverAt")) {
            makeServerAfterFirstLoop(giveUp);
        }
        ScaleProbe.sleepUntil(began + SPAN);
        long[] runs = STAMPS.runs(0);
        while ((runs.length == 0 || runs[runs.length - 1] - runs[0] < SPAN) && System.nanoTime() < giveUp) {
            Thread.sleep(100);
            runs = STAMPS.runs(0);
        }
        long[] ends = STAMPS.runs(1);
        long first = runs.length == 0 ? 0 : runs[0];
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(runs.length, ends.length) && runs[i] - first < SPAN; i++) {
            lines.add(runs[i] + " " + ends[i]);
        }
        Files.write(Path.of(System.getProperty("bench.out")), lines);
        System.exit(0);
    }

    private static void makeServerAfterFirstLoop(long giveUp) throws InterruptedException {
        long[] runs = STAMPS.runs(0);
        while (runs.length == 0 && System.nanoTime() < giveUp) {
            Thread.sleep(1);
            runs = STAMPS.runs(0);
        }
        if (runs.length > 0) {
            ScaleProbe.sleepUntil(runs[0] + TimeUnit.SECONDS.toNanos(1));
            ManagementFactory.getPlatformMBeanServer();
        }
    }

    /**
     * Calls the route at every point of a 1 ms grid, as a hybrid wait would: parks until
     * {@link #CONTROL_SPIN} before the point, then spins to it. A loop that ends past the next point
     * restarts the grid at once, as the engine's default {@code overrun=reanchor} does.
     */
    private static void control() {
        long next = System.nanoTime() + FirstSecond.INTERVAL;
        for (;;) {
            long now;
            while ((now = System.nanoTime()) < next - CONTROL_SPIN) {
                LockSupport.parkNanos(next - CONTROL_SPIN - now);
            }
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            loop();
            next = Math.max(next + FirstSecond.INTERVAL, System.nanoTime());
        }
    }

    /** The loop route. */
    public static void loop() {
        STAMPS.record(0, System.nanoTime());
        STAMPS.record(1, System.nanoTime());
    }
}
