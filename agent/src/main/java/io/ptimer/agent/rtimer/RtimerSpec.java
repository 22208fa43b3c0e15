package io.ptimer.agent.rtimer;

import io.ptimer.agent.binding.RouteSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One configured rtimer, immutable; exec routes are added by later entries, so
 * {@link #with(RouteSpec)} returns a copy.
 *
 * @param mode          0 on the shared lane, N on N dedicated threads, as configured
 * @param micro         whether the interval was given in microseconds ({@code 100000u})
 * @param execs         the exec routes, in the order written
 * @param entry         the {@code timer} entry's value, for messages
 */
public record RtimerSpec(String name, int mode, long intervalNanos, boolean micro, List<RouteSpec> execs,
                         String entry) {

    public RtimerSpec {
        execs = List.copyOf(execs);
    }

    /**
     * The mode it runs in, and so its number of dedicated threads: as configured, except 1 for a
     * microsecond interval with mode 0, which Kamailio too runs on a timer process of its own.
     */
    public int effectiveMode() {
        return mode == 0 && micro ? 1 : mode;
    }

    RtimerSpec with(RouteSpec exec) {
        List<RouteSpec> more = new ArrayList<>(execs);
        more.add(exec);
        return new RtimerSpec(name, mode, intervalNanos, micro, more, entry);
    }
}
