package io.ptimer.agent.core;

import io.ptimer.agent.config.Interval;
import io.ptimer.agent.config.Names;
import io.ptimer.agent.exec.ListingBuilder;
import io.ptimer.agent.exec.Ticks;
import io.ptimer.agent.exec.TimerLane;
import io.ptimer.api.TimerFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The core timers registered by application code. A name is unique among the timers not
 * cancelled; a cancelled timer stays listed until its name is registered again. Thread-safe.
 */
public final class CoreSystem {
    /** The shared timer thread's name. */
    public static final String SHARED_LANE = "ptimer-core";

    /** Immutable. */
    private final Ticks ticks;
    /** Thread-safe. */
    private final Supplier<TimerLane> sharedLane;
    /** Guarded by this. */
    private final Map<String, CoreTimer> timers = new LinkedHashMap<>();
    /** Set by the JMX face, called on the registering thread. */
    private volatile Consumer<CoreTimer> onRegister = t -> { };

    /** @param sharedLane the {@value #SHARED_LANE} lane, started on first use */
    public CoreSystem(Ticks ticks, Supplier<TimerLane> sharedLane) {
        this.ticks = ticks;
        this.sharedLane = sharedLane;
    }

    /**
     * Registers and starts a timer; its first run is one interval from now.
     *
     * @param dedicated on a thread of its own rather than the shared lane
     * @throws IllegalArgumentException naming the value: a bad or taken name, a null function, an interval ≤ 0
     */
    public CoreTimer register(String name, TimerFunction f, Object param, long intervalNanos, boolean dedicated) {
        if (name == null || !Names.isName(name)) {
            throw new IllegalArgumentException("timer name " + (name == null ? "null" : "\"" + name + "\"")
                    + " is not allowed: use " + Names.CHARACTERS + " (at least one)");
        }
        if (f == null) {
            throw new IllegalArgumentException("timer \"" + name + "\": the function is null");
        }
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("timer \"" + name + "\": interval must be > 0, not " + intervalNanos + " ns");
        }
        CoreTimer timer;
        synchronized (this) {
            CoreTimer existing = timers.get(name);
            if (existing != null && !existing.cancelled()) {
                throw new IllegalArgumentException("timer name \"" + name + "\" is already registered (every "
                        + Interval.format(existing.intervalNanos()) + ", " + existing.placement() + "); cancel it first");
            }
            timer = new CoreTimer(name, f, param, intervalNanos, dedicated ? null : sharedLane.get(), ticks);
            timers.remove(name);
            timers.put(name, timer);
        }
        onRegister.accept(timer);
        return timer;
    }

    /** Hears every registration (the JMX face registers an MBean per timer). */
    public void onRegister(Consumer<CoreTimer> listener) {
        this.onRegister = listener;
    }

    /** The timers, in the order they were registered. */
    public synchronized List<CoreTimer> timers() {
        return new ArrayList<>(timers.values());
    }

    /**
     * The timer with that name.
     *
     * @throws IllegalArgumentException naming it and the timers that exist
     */
    public synchronized CoreTimer timer(String name) {
        CoreTimer t = name == null ? null : timers.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown core timer \"" + name + "\" (core timers: "
                    + (timers.isEmpty() ? "none" : String.join(", ", timers.keySet())) + ")");
        }
        return t;
    }

    /** The text of {@code core.list}: one line per timer, or nothing when there is none. */
    public String list() {
        ListingBuilder b = new ListingBuilder();
        for (CoreTimer t : timers()) {
            b.line("core timer " + t.name() + ":")
                    .field("interval", Interval.format(t.intervalNanos()))
                    .field("thread", t.placement()).word("(" + t.threadName() + ")")
                    .field("runs", t.runs())
                    .field("errors", t.errors().count())
                    .field("overruns", t.overruns())
                    .flag("paused", t.paused())
                    .flag("cancelled", t.cancelled())
                    .lateness(t.lateness().sorted());
        }
        return b.toString();
    }

    /** Stops the timers' own threads; the shared lane is the engine's to stop. */
    public void shutdown() {
        timers().forEach(CoreTimer::stopLane);
    }
}
