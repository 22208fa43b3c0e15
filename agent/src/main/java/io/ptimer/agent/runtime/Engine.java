package io.ptimer.agent.runtime;

import io.ptimer.agent.async.AsyncConfig;
import io.ptimer.agent.async.AsyncSystem;
import io.ptimer.agent.binding.LateBinding;
import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.ConfigReader;
import io.ptimer.agent.config.Entry;
import io.ptimer.agent.config.Interval;
import io.ptimer.agent.core.CoreSystem;
import io.ptimer.agent.exec.Precision;
import io.ptimer.agent.exec.Ticks;
import io.ptimer.agent.exec.TimerLane;
import io.ptimer.agent.ptimer.PtimerConfig;
import io.ptimer.agent.ptimer.PtimerSpec;
import io.ptimer.agent.ptimer.PtimerSystem;
import io.ptimer.agent.rtimer.RtimerConfig;
import io.ptimer.agent.rtimer.RtimerSpec;
import io.ptimer.agent.rtimer.RtimerSystem;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * All timer systems of this JVM. Loads configurations (checked and bound as a whole before anything
 * starts), gives operators the systems, and runs them down at shutdown. One per JVM.
 *
 * <p>Threading: the engine's own monitor serialises loading ({@link #plan}) and the shutdown hook's
 * installation; {@code systemsLock} guards making the rtimer, core and async systems on first use
 * (their fields are volatile, read without it); {@code sharedLaneLock} guards the shared timer lane
 * those systems take; the class's monitor guards the one instance. Nested, they are taken in that
 * order: the engine's monitor, then {@code systemsLock}, then {@code sharedLaneLock}.
 */
public final class Engine {
    private static final String RTIMER = "rtimer";
    private static final long START_WAIT_SECONDS = 10;

    private static volatile Engine instance;

    private final Ticks ticks = new Ticks();
    private final LateBinding lateBinding;
    private final PtimerSystem ptimer;
    /** Guards making a system on first use. */
    private final Object systemsLock = new Object();
    private volatile RtimerSystem rtimer;
    private volatile CoreSystem core;
    private volatile AsyncSystem async;
    /** Guards {@link #sharedLane}. */
    private final Object sharedLaneLock = new Object();
    private TimerLane sharedLane;
    private volatile long shutdownTimeoutNanos = TimeUnit.SECONDS.toNanos(5);
    /**
     * The last plan made: premain's starts on {@code ptimer-start} while the host's {@code main} may
     * already call the API, which waits for it. {@code null} before any.
     */
    private volatile Plan latest;
    /** Under the engine's monitor. */
    private boolean hookInstalled;

    private Engine(Instrumentation inst) {
        this.lateBinding = new LateBinding(inst);
        this.ptimer = new PtimerSystem(lateBinding);
    }

    /** The engine of this JVM, made on first use. */
    public static synchronized Engine get(Instrumentation inst) {
        if (instance == null) {
            instance = new Engine(inst);
        }
        return instance;
    }

    /**
     * The engine of this JVM for the public API: the agent's when it was loaded, otherwise one
     * started here and now, without instrumentation (route classes must then be visible at once),
     * and handed to {@code onStart}.
     */
    public static Engine current(Consumer<Engine> onStart) {
        Engine e = instance;
        if (e != null) {
            e.awaitStarting();
            return e;
        }
        synchronized (Engine.class) {
            if (instance == null) {
                e = new Engine(null);
                e.installShutdownHook();
                instance = e;
                onStart.accept(e);
            }
            return instance;
        }
    }

    /**
     * Reads agent arguments (and the files they name), checks and binds every timer, then starts
     * them. On any error nothing starts and nothing changes.
     *
     * @return the names of the timers loaded, in order
     * @throws ConfigException naming the entry and what is wrong
     */
    public List<String> load(String agentArgs) throws ConfigException {
        Plan plan = plan(agentArgs);
        plan.start();
        return plan.timers();
    }

    /**
     * Reads agent arguments (and the files they name), checks and binds every timer, and returns
     * what starts them, on any thread. On any error nothing changes. Without arguments it reads the
     * file named by the system property {@code ptimer.config} or the environment variable
     * {@code PTIMER_CONFIG}, if either is set.
     *
     * @throws ConfigException naming the entry and what is wrong
     */
    public synchronized Plan plan(String agentArgs) throws ConfigException {
        Modules modules = new Modules();
        if (agentArgs == null || agentArgs.isBlank()) {
            ConfigReader.readDefault(Modules.NAMES, modules);
        } else {
            ConfigReader.read(agentArgs, Modules.NAMES, modules);
        }
        PtimerConfig ptimerConfig = modules.ptimer;
        RtimerConfig rtimerConfig = modules.rtimer;
        AsyncConfig asyncConfig = modules.async;
        ptimerConfig.finish();
        if (rtimerConfig != null) {
            rtimerConfig.finish();
        }
        if (asyncConfig != null) {
            asyncConfig.finish();
        }
        List<String> names = new ArrayList<>();
        List<Runnable> starts = new ArrayList<>();
        starts.add(ptimer.prepare(ptimerConfig.timers(), ptimerConfig.lateBinding(), ptimerConfig.cluster()));
        for (PtimerSpec spec : ptimerConfig.timers()) {
            names.add(spec.name());
        }
        if (rtimerConfig != null && !rtimerConfig.timers().isEmpty()) {
            starts.add(rtimer().prepare(rtimerConfig.timers(), ptimerConfig.lateBinding()));
            for (RtimerSpec spec : rtimerConfig.timers()) {
                names.add("rtimer " + spec.name());
            }
        }
        if (asyncConfig != null && asyncConfig.configured()) {
            starts.add(async().prepare(asyncConfig));
        }
        shutdownTimeoutNanos = ptimerConfig.shutdownTimeoutNanos();
        Plan plan = new Plan(this, List.copyOf(names), List.copyOf(starts));
        latest = plan;
        return plan;
    }

    /**
     * Waits, at most {@value #START_WAIT_SECONDS} s, until the last plan has started, so that what it
     * configures (an async group, a tkv route) is there for the API's first call.
     */
    private void awaitStarting() {
        Plan plan = latest;
        if (plan != null) {
            plan.awaitStarted(TimeUnit.SECONDS.toMillis(START_WAIT_SECONDS));
        }
    }

    /**
     * The configurations of one load, each made when its first entry comes: a configuration of
     * ptimer timers loads no class of the other systems before main.
     */
    private static final class Modules implements ConfigReader.Sink {
        static final List<String> NAMES = List.of(ConfigReader.DEFAULT_MODULE, RTIMER, AsyncConfig.MODULE,
                ConfigReader.CORE);
        final PtimerConfig ptimer = new PtimerConfig();
        RtimerConfig rtimer;
        AsyncConfig async;

        /** Hands the entry to its module; one with no system here goes to ptimer, which names it unknown. */
        @Override
        public void accept(Entry entry) throws ConfigException {
            String module = entry.module();
            if (module.equals(RTIMER)) {
                if (rtimer == null) {
                    rtimer = new RtimerConfig();
                }
                rtimer.apply(entry);
            } else if (module.equals(AsyncConfig.MODULE) || module.equals(ConfigReader.CORE)) {
                if (async == null) {
                    async = new AsyncConfig();
                }
                async.apply(entry);
            } else {
                ptimer.apply(entry);
            }
        }
    }

    /** A checked configuration: the timers it loads, and what starts them. */
    public static final class Plan {
        private final Engine engine;
        private final List<String> timers;
        private final List<Runnable> starts;
        /** Guarded by this plan's monitor. */
        private boolean started;

        private Plan(Engine engine, List<String> timers, List<Runnable> starts) {
            this.engine = engine;
            this.timers = timers;
            this.starts = starts;
        }

        /** The names of the timers, in order. */
        public List<String> timers() {
            return timers;
        }

        /** Installs the shutdown hook that runs the end routes, then starts the timers and groups; once. */
        public void start() {
            try {
                engine.installShutdownHook();
                for (Runnable start : starts) {
                    start.run();
                }
            } finally {
                synchronized (this) {
                    started = true;
                    notifyAll();
                }
            }
        }

        /** Waits until {@link #start()} has run, at most {@code millis}; an interrupt ends the wait, the status kept. */
        synchronized void awaitStarted(long millis) {
            long deadline = System.currentTimeMillis() + millis;
            try {
                for (long left = millis; !started && left > 0; left = deadline - System.currentTimeMillis()) {
                    wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }


    public PtimerSystem ptimer() {
        return ptimer;
    }

    /** The rtimer system, made on first use: an engine without rtimers loads none of its classes before main. */
    public RtimerSystem rtimer() {
        synchronized (systemsLock) {
            if (rtimer == null) {
                rtimer = new RtimerSystem(lateBinding, ticks, sharedLaneSupplier);
            }
            return rtimer;
        }
    }

    /** The core timer system, made on first use. */
    public CoreSystem core() {
        synchronized (systemsLock) {
            if (core == null) {
                core = new CoreSystem(ticks, sharedLaneSupplier);
            }
            return core;
        }
    }

    /** The async system, made on first use. */
    public AsyncSystem async() {
        synchronized (systemsLock) {
            if (async == null) {
                async = new AsyncSystem(lateBinding);
            }
            return async;
        }
    }

    /** The shared timer lane {@value CoreSystem#SHARED_LANE}, started on first use. */
    /** The shared lane for the systems that take one, as a class rather than a lambda: it is made before main. */
    private final Supplier<TimerLane> sharedLaneSupplier = new Supplier<TimerLane>() {
        @Override
        public TimerLane get() {
            return sharedLane();
        }
    };

    private TimerLane sharedLane() {
        synchronized (sharedLaneLock) {
            if (sharedLane == null) {
                sharedLane = new TimerLane(CoreSystem.SHARED_LANE, Precision.HYBRID);
                sharedLane.start();
            }
            return sharedLane;
        }
    }

    /** Time since the engine started. */
    public Ticks ticks() {
        return ticks;
    }

    /** Everything the engine runs, as text: the ptimer list, the cluster, the rtimer and core timer lists, and async once configured or used. */
    public String list() {
        RtimerSystem rtimer = this.rtimer;
        CoreSystem core = this.core;
        AsyncSystem async = this.async;
        boolean rtimers = rtimer != null && !rtimer.timers().isEmpty();
        boolean cores = core != null && !core.timers().isEmpty();
        boolean asyncActive = async != null && async.active();
        boolean cluster = ptimer.cluster() != null;
        if (ptimer.timers().isEmpty() && !rtimers && !cores && !asyncActive && !cluster) {
            return "no timers loaded\n";
        }
        StringBuilder b = new StringBuilder();
        if (!ptimer.timers().isEmpty()) {
            b.append(ptimer.list());
        }
        if (cluster) {
            b.append(ptimer.cluster().list());
        }
        if (rtimers) {
            b.append(rtimer.list());
        }
        if (cores) {
            b.append(core.list());
        }
        return b.append(asyncActive ? async.list() : "").toString();
    }

    private synchronized void installShutdownHook() {
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread("ptimer-shutdown") {
                @Override
                public void run() {
                    shutdown();
                }
            });
        }
    }

    /**
     * Lets every ptimer worker within a cycle run its end route and the async groups run their
     * queued tasks, waiting at most the shutdown timeout in all; stops the rtimers and core timers
     * and drops the delayed routes not yet due.
     */
    public void shutdown() {
        RtimerSystem rtimer = this.rtimer;
        CoreSystem core = this.core;
        AsyncSystem async = this.async;
        ptimer.shutdown();
        if (rtimer != null) {
            rtimer.shutdown();
        }
        if (core != null) {
            core.shutdown();
        }
        synchronized (sharedLaneLock) {
            if (sharedLane != null) {
                sharedLane.stop();
            }
        }
        long deadline = System.nanoTime() + shutdownTimeoutNanos;
        if (async != null) {
            async.shutdown(deadline);
        }
        List<String> late;
        try {
            late = ptimer.awaitStop(deadline);
            if (async != null) {
                async.awaitStop(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!late.isEmpty()) {
            System.err.println("ptimer: shutdown timeout " + Interval.format(shutdownTimeoutNanos)
                    + " reached; workers still running: " + String.join(", ", late));
        }
    }
}
