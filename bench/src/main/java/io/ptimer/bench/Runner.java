package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Path;

/** One periodic-task implementation under test, run for a given interval and number of loops. */
interface Runner {

    /** Short name used in tables and the chart. */
    String name();

    /** Why this runner cannot run on this machine, or {@code null} when it can. */
    default String unavailable() {
        return null;
    }

    /** Runs {@code warmup} loops unrecorded, then records {@code loops}; {@code dir} is for its files. */
    Result run(long intervalNanos, int warmup, int loops, Path dir) throws IOException, InterruptedException;
}
