package io.ptimer.agent.runtime;

import io.ptimer.agent.async.AsyncSystem;
import io.ptimer.agent.binding.LateBinding;
import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.ConfigReader;
import io.ptimer.agent.config.Entry;
import io.ptimer.agent.config.Interval;
import io.ptimer.agent.config.ModuleConfig;
import io.ptimer.agent.core.CoreSystem;
import io.ptimer.agent.exec.Precision;
import io.ptimer.agent.exec.Ticks;
import io.ptimer.agent.exec.TimerLane;
import io.ptimer.agent.ptimer.PtimerSystem;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * All timer systems of this JVM ({@link Systems}). Loads configurations (checked and bound as a
 * whole before anything starts), gives operators the systems, and runs them down at shutdown. One
 * per JVM.
 *
 * <p>Threading: the engine's own monitor serialises loading ({@link #plan}) and the shutdown hook's
 * installation; each system is made under its {@link TimerSystem}'s monitor; {@code sharedLaneLock}
 * guards the shared timer lane; the class's monitor guards the one instance. Nested, they are taken
 * in that order: the class's monitor, the engine's, a system's, then {@code sharedLaneLock}; none
 * is held while a {@link Publisher} runs, except the engine's when a load makes a system.
 */
public final class Engine {
    private static final long START_WAIT_SECONDS = 10;

    /** The one instance: written under the class's monitor, read without it. */
    private static volatile Engine instance;

    /** Immutable. */
    private final Ticks ticks = new Ticks();
    /** Thread-safe. */
    private final LateBinding lateBinding;
    /** Immutable; each system made under its entry's monitor. */
    private final Systems systems = new Systems();
    /** Guards {@link #sharedLane}. */
    private final Object sharedLaneLock = new Object();
    /** Under {@link #sharedLaneLock}. */
    private TimerLane sharedLane;
    /** The last load's; written under the engine's monitor, read by the shutdown hook. */
    private volatile long shutdownTimeoutNanos = TimeUnit.SECONDS.toNanos(5);
    /**
     * The last plan made: premain's starts on {@code ptimer-start} while the host's {@code main} may
     * already call the API, which waits for it. {@code null} before any.
     */
    private volatile Plan latest;
    /** Under the engine's monitor. */
    private boolean hookInstalled;
    /** Shows each system made to operators; {@code null} until {@link #publish}. */
    private volatile Publisher publisher;

    /** An engine of its own, for tests; the agent's is {@link #get}. */
    Engine(Instrumentation inst) {
        this.lateBinding = new LateBinding(inst);
        systems.ptimer.get(this);
    }

    /**
     * The engine of this JVM, made on first use. An engine that application code started before the
     * agent was attached has no instrumentation: it takes this one, so classes outside the class path
     * can be bound from now on. An engine that has one keeps it.
     */
    public static synchronized Engine get(Instrumentation inst) {
        if (instance == null) {
            instance = new Engine(inst);
        } else {
            instance.lateBinding.instrument(inst);
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
        Modules modules = new Modules(systems);
        if (agentArgs == null || agentArgs.isBlank()) {
            ConfigReader.readDefault(systems.modules(), systems.coreParameters(), modules);
        } else {
            ConfigReader.read(agentArgs, systems.modules(), systems.coreParameters(), modules);
        }
        for (TimerSystem<?, ?> system : systems.all) {
            ModuleConfig config = modules.configs.get(system);
            if (config != null) {
                config.finish();
            }
        }
        List<String> names = new ArrayList<>();
        List<Runnable> starts = new ArrayList<>();
        for (TimerSystem<?, ?> system : systems.all) {
            Runnable start = system.prepareLoad(this, modules.configs.get(system), modules.engine, names);
            if (start != null) {
                starts.add(start);
            }
        }
        shutdownTimeoutNanos = modules.engine.shutdownTimeoutNanos();
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
     * The configurations of one load, each made when its system's first entry comes: a configuration
     * of ptimer timers loads no class of the other systems before main. Confined to the loading thread.
     */
    private static final class Modules implements ConfigReader.Sink {
        private final Systems systems;
        final EngineConfig engine = new EngineConfig();
        final Map<TimerSystem<?, ?>, ModuleConfig> configs = new HashMap<>();

        Modules(Systems systems) {
            this.systems = systems;
        }

        /** Hands the entry to the engine or to its module's system. */
        @Override
        public void accept(Entry entry) throws ConfigException {
            if (EngineConfig.takes(entry)) {
                engine.apply(entry);
                return;
            }
            TimerSystem<?, ?> system = systems.forModule(entry.module());
            ModuleConfig config = configs.get(system);
            if (config == null) {
                config = system.config();
                configs.put(system, config);
            }
            config.apply(entry);
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

    /** The ptimer system, which the engine always has: operators steer it by default. */
    public PtimerSystem ptimer() {
        return systems.ptimer.get(this);
    }

    /** The core timer system, made at application code's first core timer. */
    public CoreSystem core() {
        return systems.core.get(this);
    }

    /** The async system, made at application code's first async call, or by a load with async entries. */
    public AsyncSystem async() {
        return systems.async.get(this);
    }

    /**
     * Hands every system made, now and whenever one is made later, to {@code publisher}, which
     * replaces any earlier one.
     */
    public void publish(Publisher publisher) {
        this.publisher = publisher;
        for (TimerSystem<?, ?> system : systems.all) {
            system.publishIfMade(publisher);
        }
    }

    /**
     * A system was made: it is published if the engine publishes already. With {@link #publish}
     * writing the publisher before it reads the systems, and this after the system was written,
     * every system made is published at least once.
     */
    void made(TimerSystem<?, ?> system) {
        Publisher p = publisher;
        if (p != null) {
            system.publishIfMade(p);
        }
    }

    /** The registry, for tests. */
    Systems systems() {
        return systems;
    }

    LateBinding lateBinding() {
        return lateBinding;
    }

    /** The shared lane for the systems that take one, as a class rather than a lambda: it is made before main. */
    Supplier<TimerLane> sharedLane() {
        return sharedLaneSupplier;
    }

    private final Supplier<TimerLane> sharedLaneSupplier = new Supplier<TimerLane>() {
        @Override
        public TimerLane get() {
            synchronized (sharedLaneLock) {
                if (sharedLane == null) {
                    sharedLane = new TimerLane(CoreSystem.SHARED_LANE, Precision.HYBRID);
                    sharedLane.start();
                }
                return sharedLane;
            }
        }
    };

    /** Time since the engine started. */
    public Ticks ticks() {
        return ticks;
    }

    /**
     * Everything the engine runs, as text: each system's sections in order (the ptimer list, the
     * cluster, the rtimer and core timer lists, and async once configured or used).
     */
    public String list() {
        StringBuilder b = new StringBuilder();
        for (TimerSystem<?, ?> system : systems.all) {
            for (TimerSystem.Section section : system.sections()) {
                b.append(system.listing(section.name()));
            }
        }
        return b.length() == 0 ? "no timers loaded\n" : b.toString();
    }

    /**
     * One section of the listing, as {@code kamcmd <section>.list} shows it: {@code ptimer},
     * {@code cluster}, {@code rtimer}, {@code core} or {@code async}.
     *
     * @throws IllegalArgumentException for another name, naming the sections
     */
    public String list(String section) {
        TimerSystem<?, ?> system = systems.forSection(section);
        String text = system.listing(section);
        if (!text.isEmpty()) {
            return text;
        }
        for (TimerSystem.Section s : system.sections()) {
            if (s.name().equals(section)) {
                text = s.none();
            }
        }
        return text;
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
     * and drops the delayed routes not yet due. Only the systems made are touched.
     */
    public void shutdown() {
        long deadline = System.nanoTime() + shutdownTimeoutNanos;
        for (TimerSystem<?, ?> system : systems.all) {
            system.shutdownIfMade(deadline);
        }
        synchronized (sharedLaneLock) {
            if (sharedLane != null) {
                sharedLane.stop();
            }
        }
        List<String> late = new ArrayList<>();
        try {
            for (TimerSystem<?, ?> system : systems.all) {
                system.awaitStopIfMade(deadline, late);
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
