package io.ptimer.agent.rtimer;

import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.BoundTimers;
import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.binding.TimerStatus;
import io.ptimer.agent.exec.Ticks;
import io.ptimer.agent.exec.TimerLane;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A configured rtimer and, once its exec routes are bound, its threads. */
public final class Rtimer implements BoundTimers.Timer {
    private final RtimerSpec spec;
    /** Replaced whole under this timer's monitor, read by anyone. */
    private volatile List<RtimerThread> threads = List.of();
    /** Written by the loading thread, then {@code ptimer-binder}; read by anyone. */
    private volatile TimerStatus status = TimerStatus.BINDING;
    /** The interval in force: the configured one, as last set; written under this timer's monitor. */
    private volatile long intervalNanos;

    Rtimer(RtimerSpec spec) {
        this.spec = spec;
        this.intervalNanos = spec.intervalNanos();
    }

    /** The interval in force, in ns: the configured one, as last set. */
    public long intervalNanos() {
        return intervalNanos;
    }

    /** Runs every thread every {@code nanos} from its next run on. */
    synchronized void interval(long nanos) {
        intervalNanos = nanos;
        for (RtimerThread t : threads) {
            t.interval(nanos);
        }
    }

    public RtimerSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String entry() {
        return spec.entry();
    }

    @Override
    public List<RouteSpec> routes() {
        return spec.execs();
    }

    /** Starts its threads: one deadline on the shared lane for mode 0, else one lane per thread. */
    synchronized void start(List<BoundRoute> execs, Ticks ticks, Supplier<TimerLane> shared) {
        int mode = spec.effectiveMode();
        List<RtimerThread> started = new ArrayList<>();
        for (int i = 0; i < Math.max(1, mode); i++) {
            started.add(new RtimerThread(spec, i, execs, ticks, mode == 0 ? shared.get() : null));
        }
        if (intervalNanos != spec.intervalNanos()) {
            started.forEach(t -> t.interval(intervalNanos));
        }
        threads = List.copyOf(started);
        status = TimerStatus.RUNNING;
    }

    /**
     * Stops its threads (a run in progress completes) and forgets them with their routes, whose
     * class loader went away: the timer waits for {@code awaited} again.
     */
    synchronized void unbind(String awaited) {
        threads.forEach(RtimerThread::stop);
        threads = List.of();
        waitingFor(awaited);
    }

    /** Shows what the timer waits for in its status, until it starts. */
    void waitingFor(String what) {
        status = TimerStatus.waitingFor(what);
    }

    void fail(String reason) {
        status = TimerStatus.failed(reason);
    }

    /** Binding, waiting for a class, running, or failed. */
    public TimerStatus status() {
        return status;
    }

    public List<RtimerThread> threads() {
        return threads;
    }

    /**
     * The thread with that index.
     *
     * @throws IllegalArgumentException naming the timer, the index and what exists
     */
    RtimerThread thread(int index) {
        List<RtimerThread> ts = running();
        if (index < 0 || index >= ts.size()) {
            throw new IllegalArgumentException("rtimer \"" + name() + "\" has no thread " + index + " (threads: 0.."
                    + (ts.size() - 1) + ")");
        }
        return ts.get(index);
    }

    /** The threads, when the timer runs. @throws IllegalArgumentException saying why not */
    List<RtimerThread> running() {
        List<RtimerThread> ts = threads;
        if (ts.isEmpty()) {
            throw new IllegalArgumentException("rtimer \"" + name() + "\" is not running: " + status);
        }
        return ts;
    }
}
