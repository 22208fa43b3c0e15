package io.ptimer.agent.runtime;

import io.ptimer.agent.async.AsyncConfig;
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
import io.ptimer.agent.ptimer.PtimerConfig;
import io.ptimer.agent.ptimer.PtimerSpec;
import io.ptimer.agent.ptimer.PtimerSystem;
import io.ptimer.agent.rtimer.RtimerConfig;
import io.ptimer.agent.rtimer.RtimerSpec;
import io.ptimer.agent.rtimer.RtimerSystem;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * All timer systems of this JVM. Loads configurations (checked and bound as a whole before anything
 * starts), gives operators the systems, and runs them down at shutdown. One per JVM.
 */
public final class Engine {
    private static volatile Engine instance;

    private final Ticks ticks = new Ticks();
    private final PtimerSystem ptimer;
    private final RtimerSystem rtimer;
    private final CoreSystem core;
    private final AsyncSystem async;
    private final Object sharedLaneLock = new Object();
    private TimerLane sharedLane;
    private volatile long shutdownTimeoutNanos = TimeUnit.SECONDS.toNanos(5);
    private boolean hookInstalled;

    private Engine(Instrumentation inst) {
        LateBinding lateBinding = new LateBinding(inst);
        this.ptimer = new PtimerSystem(lateBinding);
        this.rtimer = new RtimerSystem(lateBinding, ticks, this::sharedLane);
        this.core = new CoreSystem(ticks, this::sharedLane);
        this.async = new AsyncSystem(lateBinding);
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
    public synchronized List<String> load(String agentArgs) throws ConfigException {
        PtimerConfig ptimerConfig = new PtimerConfig();
        RtimerConfig rtimerConfig = new RtimerConfig();
        Map<String, ModuleConfig> modules = new LinkedHashMap<>();
        modules.put(ConfigReader.DEFAULT_MODULE, ptimerConfig);
        modules.put("rtimer", rtimerConfig);
        AsyncConfig asyncConfig = new AsyncConfig();
        modules.put(AsyncConfig.MODULE, asyncConfig);
        modules.put(ConfigReader.CORE, asyncConfig);
        ConfigReader.read(agentArgs, List.copyOf(modules.keySet()), entry -> moduleOf(modules, entry).apply(entry));
        for (ModuleConfig module : modules.values()) {
            module.finish();
        }
        Runnable startPtimers = ptimer.prepare(ptimerConfig.timers(), ptimerConfig.lateBinding());
        Runnable startRtimers = rtimer.prepare(rtimerConfig.timers(), ptimerConfig.lateBinding());
        Runnable startAsync = async.prepare(asyncConfig);
        shutdownTimeoutNanos = ptimerConfig.shutdownTimeoutNanos();
        installShutdownHook();
        startPtimers.run();
        startRtimers.run();
        startAsync.run();
        List<String> names = new ArrayList<>();
        for (PtimerSpec spec : ptimerConfig.timers()) {
            names.add(spec.name());
        }
        for (RtimerSpec spec : rtimerConfig.timers()) {
            names.add("rtimer " + spec.name());
        }
        return names;
    }

    /** The module that takes {@code entry}; a module with no system here leaves it to ptimer, which names it unknown. */
    private static ModuleConfig moduleOf(Map<String, ModuleConfig> modules, Entry entry) {
        ModuleConfig module = modules.get(entry.module());
        return module != null ? module : modules.get(ConfigReader.DEFAULT_MODULE);
    }

    public PtimerSystem ptimer() {
        return ptimer;
    }

    public RtimerSystem rtimer() {
        return rtimer;
    }

    public CoreSystem core() {
        return core;
    }

    public AsyncSystem async() {
        return async;
    }

    /** The shared timer lane {@value CoreSystem#SHARED_LANE}, started on first use. */
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

    /** Everything the engine runs, as text: the ptimer, rtimer and core timer lists, and async once configured or used. */
    public String list() {
        if (ptimer.timers().isEmpty() && rtimer.timers().isEmpty() && core.timers().isEmpty() && !async.active()) {
            return "no timers loaded\n";
        }
        StringBuilder b = new StringBuilder();
        if (!ptimer.timers().isEmpty()) {
            b.append(ptimer.list());
        }
        return b.append(rtimer.list()).append(core.list()).append(async.active() ? async.list() : "").toString();
    }

    private synchronized void installShutdownHook() {
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "ptimer-shutdown"));
        }
    }

    /**
     * Lets every ptimer worker within a cycle run its end route and the async groups run their
     * queued tasks, waiting at most the shutdown timeout in all; stops the rtimers and core timers
     * and drops the delayed routes not yet due.
     */
    public void shutdown() {
        ptimer.shutdown();
        rtimer.shutdown();
        core.shutdown();
        synchronized (sharedLaneLock) {
            if (sharedLane != null) {
                sharedLane.stop();
            }
        }
        long deadline = System.nanoTime() + shutdownTimeoutNanos;
        async.shutdown(deadline);
        List<String> late;
        try {
            late = ptimer.awaitStop(deadline);
            async.awaitStop(deadline);
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
