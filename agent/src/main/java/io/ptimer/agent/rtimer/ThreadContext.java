package io.ptimer.agent.rtimer;

import io.ptimer.agent.exec.Ticks;
import io.ptimer.api.RtimerContext;
import java.time.Duration;

/** What the exec routes of one rtimer thread see. Immutable but for the ticks and an interval an operator sets. */
final class ThreadContext implements RtimerContext {
    private final RtimerSpec spec;
    private final int worker;
    private volatile Duration interval;
    private final Ticks ticks;

    ThreadContext(RtimerSpec spec, int worker, Ticks ticks) {
        this.spec = spec;
        this.worker = worker;
        this.interval = Duration.ofNanos(spec.intervalNanos());
        this.ticks = ticks;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public int worker() {
        return worker;
    }

    @Override
    public int mode() {
        return spec.effectiveMode();
    }

    @Override
    public Duration interval() {
        return interval;
    }

    void interval(long nanos) {
        interval = Duration.ofNanos(nanos);
    }

    @Override
    public long ticks() {
        return ticks.seconds();
    }

    @Override
    public String toString() {
        return "RtimerContext[" + spec.name() + "/" + worker + "]";
    }
}
