package io.ptimer.agent.runtime;

import io.ptimer.agent.async.AsyncConfig;
import io.ptimer.agent.async.AsyncSystem;
import io.ptimer.agent.cluster.Cluster;
import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.ConfigReader;
import io.ptimer.agent.config.ModuleConfig;
import io.ptimer.agent.core.CoreSystem;
import io.ptimer.agent.ptimer.PtimerConfig;
import io.ptimer.agent.ptimer.PtimerSpec;
import io.ptimer.agent.ptimer.PtimerSystem;
import io.ptimer.agent.rtimer.RtimerConfig;
import io.ptimer.agent.rtimer.RtimerSpec;
import io.ptimer.agent.rtimer.RtimerSystem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The timer systems of the engine, in the order they load, list and shut down: the one place that
 * says which configuration modules and listing sections belong to which system, and how each is
 * made. Each entry is a small class of this package, so the registry loads before {@code main}
 * without loading any class of a system that the configuration does not name.
 *
 * <table>
 * <caption>The systems</caption>
 * <tr><th>system</th><th>modules</th><th>listing sections</th><th>made</th></tr>
 * <tr><td>ptimer</td><td>ptimer (the default)</td><td>ptimer, cluster</td><td>with the engine</td></tr>
 * <tr><td>rtimer</td><td>rtimer</td><td>rtimer</td><td>by a load with rtimers</td></tr>
 * <tr><td>core</td><td>none</td><td>core</td><td>by application code's first core timer</td></tr>
 * <tr><td>async</td><td>async, core (the core parameters)</td><td>async</td><td>by a load with async
 * entries, or application code's first async call</td></tr>
 * </table>
 *
 * <p>Immutable; each system is made under its entry's monitor.
 */
final class Systems {
    final PtimerModule ptimer = new PtimerModule();
    final RtimerModule rtimer = new RtimerModule();
    final CoreModule core = new CoreModule();
    final AsyncModule async = new AsyncModule();
    /** Every system, in order. */
    final List<TimerSystem<?, ?>> all = List.of(ptimer, rtimer, core, async);

    /** The configuration modules, in order, for the reader's error on any other. */
    List<String> modules() {
        Set<String> modules = new LinkedHashSet<>();
        for (TimerSystem<?, ?> s : all) {
            modules.addAll(s.modules());
        }
        return List.copyOf(modules);
    }

    /** Kamailio's core parameters that some system takes: bare keys of the module {@value ConfigReader#CORE}. */
    Set<String> coreParameters() {
        Set<String> keys = new LinkedHashSet<>();
        for (TimerSystem<?, ?> s : all) {
            keys.addAll(s.coreParameters());
        }
        return Set.copyOf(keys);
    }

    /**
     * The system that takes the module's entries; the default module's for a module no system takes
     * (the reader lets none through), whose schema then names the key unknown.
     */
    TimerSystem<?, ?> forModule(String module) {
        for (TimerSystem<?, ?> s : all) {
            if (s.modules().contains(module)) {
                return s;
            }
        }
        return ptimer;
    }

    /** @throws IllegalArgumentException naming the section and the sections there are */
    TimerSystem<?, ?> forSection(String section) {
        List<String> names = new ArrayList<>();
        for (TimerSystem<?, ?> s : all) {
            for (TimerSystem.Section sec : s.sections()) {
                if (sec.name().equals(section)) {
                    return s;
                }
                names.add(sec.name());
            }
        }
        throw new IllegalArgumentException("no listing \"" + section + "\" (listings: " + String.join(", ", names) + ")");
    }

    /** The ptimer module and the cluster its timers may share: made with the engine, as operators steer it by default. */
    static final class PtimerModule extends TimerSystem<PtimerSystem, PtimerConfig> {
        PtimerModule() {
            super("ptimer", List.of(ConfigReader.DEFAULT_MODULE), Set.of(),
                    List.of(new Section("ptimer", "timers"), new Section("cluster", "clusters")));
        }

        @Override
        PtimerSystem make(Engine engine) {
            return new PtimerSystem(engine.lateBinding());
        }

        @Override
        PtimerConfig config() {
            return new PtimerConfig();
        }

        @Override
        Runnable prepare(PtimerSystem system, PtimerConfig config, EngineConfig engine, List<String> timers)
                throws ConfigException {
            Runnable start = system.prepare(config.timers(), engine.lateBinding(), config.cluster());
            for (PtimerSpec spec : config.timers()) {
                timers.add(spec.name());
            }
            return start;
        }

        @Override
        String list(PtimerSystem system, String section) {
            if (section.equals("cluster")) {
                Cluster cluster = system.cluster();
                return cluster == null ? "" : cluster.list();
            }
            return system.timers().isEmpty() ? "" : system.list();
        }

        @Override
        void publish(PtimerSystem system, Publisher publisher) {
            publisher.ptimer(system);
        }

        @Override
        void shutdown(PtimerSystem system, long deadline) {
            system.shutdown();
        }

        @Override
        void awaitStop(PtimerSystem system, long deadline, List<String> late) throws InterruptedException {
            late.addAll(system.awaitStop(deadline));
        }
    }

    /** The rtimer module: made by the first load with rtimers. */
    static final class RtimerModule extends TimerSystem<RtimerSystem, RtimerConfig> {
        RtimerModule() {
            super("rtimer", List.of("rtimer"), Set.of(), List.of(new Section("rtimer", "rtimers")));
        }

        @Override
        RtimerSystem make(Engine engine) {
            return new RtimerSystem(engine.lateBinding(), engine.ticks(), engine.sharedLane());
        }

        @Override
        RtimerConfig config() {
            return new RtimerConfig();
        }

        @Override
        boolean loads(RtimerConfig config) {
            return !config.timers().isEmpty();
        }

        @Override
        Runnable prepare(RtimerSystem system, RtimerConfig config, EngineConfig engine, List<String> timers)
                throws ConfigException {
            Runnable start = system.prepare(config.timers(), engine.lateBinding());
            for (RtimerSpec spec : config.timers()) {
                timers.add("rtimer " + spec.name());
            }
            return start;
        }

        @Override
        String list(RtimerSystem system, String section) {
            return system.list();
        }

        @Override
        void publish(RtimerSystem system, Publisher publisher) {
            publisher.rtimer(system);
        }

        @Override
        void shutdown(RtimerSystem system, long deadline) {
            system.shutdown();
        }
    }

    /** The core timer API: no configuration; made by application code's first core timer. */
    static final class CoreModule extends TimerSystem<CoreSystem, ModuleConfig> {
        CoreModule() {
            super("core", List.of(), Set.of(), List.of(new Section("core", "core timers")));
        }

        @Override
        CoreSystem make(Engine engine) {
            return new CoreSystem(engine.ticks(), engine.sharedLane());
        }

        @Override
        String list(CoreSystem system, String section) {
            return system.list();
        }

        @Override
        void publish(CoreSystem system, Publisher publisher) {
            publisher.core(system);
        }

        @Override
        void shutdown(CoreSystem system, long deadline) {
            system.shutdown();
        }
    }

    /**
     * The async module and Kamailio's core parameters of its task groups: made by the first load
     * with async entries or by application code's first async call; listed once configured or used.
     */
    static final class AsyncModule extends TimerSystem<AsyncSystem, AsyncConfig> {
        AsyncModule() {
            super("async", List.of(AsyncConfig.MODULE, ConfigReader.CORE), Set.of("async_workers",
                    "async_workers_group", "async_tkv_gname", "async_tkv_evcb"), List.of(new Section("async", "asyncs")));
        }

        @Override
        AsyncSystem make(Engine engine) {
            return new AsyncSystem(engine.lateBinding());
        }

        @Override
        AsyncConfig config() {
            return new AsyncConfig();
        }

        @Override
        boolean loads(AsyncConfig config) {
            return config.configured();
        }

        @Override
        Runnable prepare(AsyncSystem system, AsyncConfig config, EngineConfig engine, List<String> timers)
                throws ConfigException {
            return system.prepare(config);
        }

        @Override
        String list(AsyncSystem system, String section) {
            return system.active() ? system.list() : "";
        }

        @Override
        void publish(AsyncSystem system, Publisher publisher) {
            publisher.async(system);
        }

        @Override
        void shutdown(AsyncSystem system, long deadline) {
            system.shutdown(deadline);
        }

        @Override
        void awaitStop(AsyncSystem system, long deadline, List<String> late) throws InterruptedException {
            system.awaitStop(deadline);
        }
    }
}
