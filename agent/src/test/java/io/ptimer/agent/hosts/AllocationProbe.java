package io.ptimer.agent.hosts;

import io.ptimer.api.TimerContext;
import java.lang.management.ManagementFactory;

/** A loop route that allocates nothing itself and reports what its worker thread allocated over 10,000 loops. */
public final class AllocationProbe {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static long loops;
    private static long before;

    private AllocationProbe() {
    }

    public static int loop(TimerContext ctx) {
        loops++;
        if (loops == 4_000) {
            THREADS.getCurrentThreadAllocatedBytes();
        } else if (loops == 5_000) {
            before = THREADS.getCurrentThreadAllocatedBytes();
        } else if (loops == 15_000) {
            long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
            Events.emit("loop", ctx, "allocated=" + bytes);
            return -1;
        }
        return 1;
    }
}
