package io.ptimer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The child side of a lateness run: its settings, from the system properties {@code bench.interval}
 * (ns), {@code bench.warmup}, {@code bench.loops} and {@code bench.out}, and the hand-over of the
 * {@link Result} to the benchmark through the file {@code bench.out}.
 */
final class Probe {
    private static final CountDownLatch FINISHED = new CountDownLatch(1);
    /** How long a route waits for the agent's MBeans, which appear once the MBean server exists. */
    private static final long MBEAN_WAIT_NANOS = 5_000_000_000L;

    private Probe() {
    }

    static long intervalNanos() {
        return Long.getLong("bench.interval");
    }

    static Lateness lateness(Lateness.Grid grid) {
        return new Lateness(intervalNanos(), Integer.getInteger("bench.warmup"), Integer.getInteger("bench.loops"),
                grid);
    }

    /** Writes the result for the benchmark and lets {@link #await} return. */
    static void finish(Result result) {
        try {
            result.write(Path.of(System.getProperty("bench.out")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FINISHED.countDown();
        }
    }

    /** Waits for {@link #finish}, then ends the JVM: status 0, or 3 when it did not come in time. */
    static void awaitAndExit() throws InterruptedException {
        long limit = intervalNanos() * (Integer.getInteger("bench.warmup") + Integer.getInteger("bench.loops")) * 4
                + TimeUnit.SECONDS.toNanos(30);
        boolean done = FINISHED.await(limit, TimeUnit.NANOSECONDS);
        if (!done) {
            System.err.println("bench: no result within " + TimeUnit.NANOSECONDS.toSeconds(limit) + " s");
        }
        System.exit(done ? 0 : 3);
    }

    /**
     * The {@code attributes} of the ptimer timer {@code timer}, read from its MBean once the agent
     * has registered it on the platform MBean server (made here if need be), waiting up to 5 s.
     *
     * @return the values in the order asked, or {@code null} when the MBean did not appear in time
     */
    static Object[] timerAttributes(String timer, String... attributes) throws JMException, InterruptedException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("io.ptimer:type=Timer,name=" + timer);
        long until = System.nanoTime() + MBEAN_WAIT_NANOS;
        while (!server.isRegistered(name) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        if (!server.isRegistered(name)) {
            return null;
        }
        Object[] values = new Object[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            values[i] = server.getAttribute(name, attributes[i]);
        }
        return values;
    }
}
