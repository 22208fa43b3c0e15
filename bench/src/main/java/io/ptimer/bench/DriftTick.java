package io.ptimer.bench;

import io.ptimer.api.Route;
import io.ptimer.api.TimerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.management.JMException;

/**
 * The routes of the drift part. Start notes the time as it returns, just before the engine starts
 * the grid; loop only stores when it starts and ends in {@link DriftStamps} and ends the timer after
 * the warm-up and recorded loops; end reads the timer's {@code skipped} from its MBean and hands the
 * figures over.
 */
public final class DriftTick {
    private static final DriftStamps STAMPS = DriftStamps.fromProperties();

    public void start() {
        STAMPS.anchor(System.nanoTime());
    }

    public int loop() {
        long start = System.nanoTime();
        return STAMPS.store(start, System.nanoTime()) ? Route.CONTINUE : Route.END;
    }

    public void end(TimerContext ctx) {
        Result result = STAMPS.result();
        try {
            STAMPS.counts(engineSkipped(ctx.name())).write(Drift.Counts.file(Path.of(System.getProperty("bench.out"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Probe.finish(result);
        }
    }

    /** The MBean attribute {@code skipped} of the timer, or -1 when its MBean did not appear in time. */
    private static long engineSkipped(String timer) {
        try {
            Object[] skipped = Probe.timerAttributes(timer, "skipped");
            return skipped == null ? -1 : (Long) skipped[0];
        } catch (JMException | RuntimeException e) {
            System.err.println("bench: no skipped count from the agent's MBean: " + e);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
