package io.ptimer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Host application of the control-latency run, with the agent and a sync timer of 10 s. Through
 * the platform MBean server it asks the timer's MBean to {@code pause} while the worker sleeps
 * (acted on when the worker thread is parked without a deadline) and then to {@code start}
 * (acted on when the start route begins), {@code bench.runs} times, and writes each latency in ns
 * to {@code bench.out}, or a line {@code pending ...} when the agent registers no such MBean.
 */
public final class ControlLatencyHost {
    static final String TIMER = "ctl";
    private static final long PATIENCE = TimeUnit.SECONDS.toNanos(10);

    private ControlLatencyHost() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("bench.out"));
        int runs = Integer.getInteger("bench.runs");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName timer = new ObjectName("io.ptimer:type=Timer,name=" + TIMER);
        if (!waitFor(() -> server.isRegistered(timer))) {
            Files.writeString(out, "pending the agent registers no MBean " + timer + "\n");
            return;
        }
        Thread worker = waitForThread("ptimer-" + TIMER + "-0");
        List<String> lines = new ArrayList<>();
        long loopsBefore = 0;
        for (int i = 0; i < runs; i++) {
            long seen = loopsBefore;
            require(waitFor(() -> ControlRoute.loops > seen), "no loop ran");
            require(waitFor(() -> worker.getState() == Thread.State.TIMED_WAITING), "worker never slept");
            long t = System.nanoTime();
            invoke(server, timer, "pause");
            while (worker.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
                require(System.nanoTime() - t < PATIENCE, "pause not acted on");
            }
            lines.add("pause " + (System.nanoTime() - t));
            long startsBefore = ControlRoute.starts;
            loopsBefore = ControlRoute.loops;
            t = System.nanoTime();
            invoke(server, timer, "start");
            while (ControlRoute.starts == startsBefore) {
                Thread.onSpinWait();
                require(System.nanoTime() - t < PATIENCE, "start not acted on");
            }
            lines.add("start " + (ControlRoute.startedAt - t));
        }
        Files.write(out, lines);
    }

    private static void invoke(MBeanServer server, ObjectName timer, String operation) throws JMException {
        server.invoke(timer, operation, new Object[0], new String[0]);
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    private static Thread waitForThread(String name) throws InterruptedException, IOException {
        Thread[] found = new Thread[1];
        require(waitFor(() -> {
            found[0] = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                    .orElse(null);
            return found[0] != null;
        }), "no thread " + name);
        return found[0];
    }

    private static void require(boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException(what);
        }
    }
}
