package io.ptimer.agent.rtimer;

import io.ptimer.agent.binding.Binding;
import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.BoundTimers;
import io.ptimer.agent.binding.LateBinding;
import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.Interval;
import io.ptimer.agent.exec.ListingBuilder;
import io.ptimer.agent.exec.Ticks;
import io.ptimer.agent.exec.TimerLane;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The rtimers of this JVM: loads them, pauses and continues them for operators, stops them at shutdown. Thread-safe. */
public final class RtimerSystem {
    /** Immutable. */
    private final Ticks ticks;
    /** Thread-safe. */
    private final Supplier<TimerLane> sharedLane;
    /** Thread-safe. */
    private final BoundTimers<Rtimer> timers;
    /** Set once by {@link #shutdown}, read by anyone. */
    private volatile boolean shuttingDown;

    /** @param sharedLane the shared {@code ptimer-core} lane, started on first use */
    public RtimerSystem(LateBinding lateBinding, Ticks ticks, Supplier<TimerLane> sharedLane) {
        this.ticks = ticks;
        this.sharedLane = sharedLane;
        this.timers = new BoundTimers<>("rtimer", "rtimer.timer", lateBinding, new Lifecycle());
    }

    /**
     * Checks every timer and binds the exec routes whose classes are visible; starts nothing.
     *
     * @return what starts the timers, once every system of the configuration is checked
     * @throws ConfigException naming the entry; nothing changes then
     */
    public Runnable prepare(List<RtimerSpec> specs, boolean lateAllowed) throws ConfigException {
        List<Rtimer> configured = new ArrayList<>();
        for (RtimerSpec spec : specs) {
            configured.add(new Rtimer(spec));
        }
        return timers.prepare(configured, lateAllowed);
    }

    /** A timer starts once its exec routes are bound, unless the JVM is shutting down. */
    private final class Lifecycle implements BoundTimers.Lifecycle<Rtimer> {
        @Override
        public void registered(Rtimer timer, Binding binding) {
            if (binding.waiting()) {
                timer.waitingFor(binding.awaited());
            }
        }

        @Override
        public void bound(Rtimer timer, List<BoundRoute> routes) {
            if (!shuttingDown) {
                timer.start(routes, ticks, sharedLane);
            }
        }

        @Override
        public void failed(Rtimer timer, String reason) {
            timer.fail(reason);
        }

        @Override
        public void unbound(Rtimer timer, Binding binding) {
            timer.unbind(binding.awaited());
        }
    }

    /** The timers, in the order they were loaded. */
    public List<Rtimer> timers() {
        return timers.all();
    }

    /**
     * The timer with that name.
     *
     * @throws IllegalArgumentException naming it and the timers that exist
     */
    public Rtimer timer(String name) {
        return timers.get(name);
    }

    /**
     * Pauses every thread of a timer, or one when {@code thread} is not null.
     *
     * @return a line saying what was done to whom
     * @throws IllegalArgumentException for an unknown timer or thread; nothing changes then
     */
    public String pause(String timerName, Integer thread) {
        List<RtimerThread> targets = targets(timerName, thread);
        targets.forEach(RtimerThread::pause);
        return sent("pause", timerName, thread, targets);
    }

    /**
     * Continues every thread of a timer, or one when {@code thread} is not null.
     *
     * @return a line saying what was done to whom
     * @throws IllegalArgumentException for an unknown timer or thread; nothing changes then
     */
    public String resume(String timerName, Integer thread) {
        List<RtimerThread> targets = targets(timerName, thread);
        targets.forEach(RtimerThread::resume);
        return sent("continue", timerName, thread, targets);
    }

    private List<RtimerThread> targets(String timerName, Integer thread) {
        Rtimer timer = timer(timerName);
        return thread == null ? timer.running() : List.of(timer.thread(thread));
    }

    private static String sent(String what, String timerName, Integer thread, List<RtimerThread> targets) {
        return thread != null ? what + " sent to rtimer \"" + timerName + "\" thread " + thread
                : what + " sent to rtimer \"" + timerName + "\" (" + targets.size() + " thread"
                + (targets.size() == 1 ? "" : "s") + ")";
    }

    /**
     * Changes an rtimer's interval, {@code interval=<value>}, from each thread's next run on: the run
     * pending moves by the difference.
     *
     * @throws IllegalArgumentException for an unknown timer, or an attribute or value not allowed,
     *                                  naming what is; nothing changes then
     */
    public String set(String timerName, String assignment) {
        Rtimer timer = timer(timerName);
        String text = assignment == null ? "" : assignment.trim();
        if (!text.startsWith("interval=")) {
            throw new IllegalArgumentException("rtimer \"" + timerName + "\": set takes interval=<value> (the only"
                    + " setting of an rtimer), not \"" + assignment + "\"; nothing changed");
        }
        String value = text.substring("interval=".length());
        long nanos = Interval.parseNanos(value, reason -> new IllegalArgumentException("rtimer \"" + timerName + "\": "
                + reason + ", not \"" + value + "\"; nothing changed"));
        timer.interval(nanos);
        return "set interval=" + Interval.format(nanos) + " on rtimer \"" + timerName + "\"";
    }

    /** The text of {@code rtimer.list}: a block per timer, a line per thread; nothing when there is none. */
    public String list() {
        ListingBuilder b = new ListingBuilder();
        for (Rtimer t : timers()) {
            RtimerSpec s = t.spec();
            b.line("rtimer " + s.name() + ":")
                    .field("mode", s.effectiveMode())
                    .field("interval", Interval.format(t.intervalNanos()))
                    .field("exec", s.execs().stream().map(RouteSpec::display).collect(Collectors.joining(",")))
                    .field("status", t.status());
            for (RtimerThread th : t.threads()) {
                b.item("thread " + th.index() + ":").word(th.threadName())
                        .field("state", th.state())
                        .field("runs", th.runs())
                        .field("errors", th.errors())
                        .lateness(th.lateness().sorted());
            }
        }
        return b.toString();
    }

    /** Stops every timer: no further runs; a run in progress completes. */
    public void shutdown() {
        shuttingDown = true;
        for (Rtimer t : timers()) {
            t.threads().forEach(RtimerThread::stop);
        }
    }
}
