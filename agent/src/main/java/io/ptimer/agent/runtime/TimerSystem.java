package io.ptimer.agent.runtime;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.ModuleConfig;
import java.util.List;
import java.util.Set;

/**
 * One timer system as the engine drives it: what the engine must know of it before it exists (the
 * configuration modules it takes, its listing sections), how it is made, and its part in loading,
 * listing, publishing and shutdown. The system is made on first use: one whose configuration module
 * no entry names, and that application code never calls, is never made and none of its classes
 * load. {@link Systems} holds one of each.
 *
 * <p>Threading: the system is made under this object's monitor and read through a volatile field;
 * the methods that take it run on the engine's callers and leave the threading to the system.
 *
 * @param <S> the system
 * @param <C> the schema of its configuration module's entries
 */
abstract class TimerSystem<S, C extends ModuleConfig> {
    /**
     * A part of the listing that the command line shows alone ({@code kamcmd <name>.list}).
     *
     * @param name   e.g. {@code rtimer}
     * @param plural what it lists, for the line when it lists nothing: {@code no rtimers loaded}
     */
    record Section(String name, String plural) {
        /** The text of this section when it lists nothing. */
        String none() {
            return "no " + plural + " loaded\n";
        }
    }

    private final String name;
    private final List<String> modules;
    private final Set<String> coreParameters;
    private final List<Section> sections;
    /** The system once made: written under this object's monitor, read without it. */
    private volatile S system;

    /**
     * @param modules        the configuration modules whose entries it takes, none for a system
     *                       that only application code starts
     * @param coreParameters the bare keys (Kamailio's core parameters) among its entries
     */
    TimerSystem(String name, List<String> modules, Set<String> coreParameters, List<Section> sections) {
        this.name = name;
        this.modules = modules;
        this.coreParameters = coreParameters;
        this.sections = sections;
    }

    String name() {
        return name;
    }

    List<String> modules() {
        return modules;
    }

    Set<String> coreParameters() {
        return coreParameters;
    }

    List<Section> sections() {
        return sections;
    }

    /** Makes the system; called once, under this object's monitor. */
    abstract S make(Engine engine);

    /** A new schema for this system's entries of one load; only called for a system with modules. */
    C config() {
        throw new IllegalStateException(name + " takes no configuration entries");
    }

    /** Whether a configuration with these entries loads anything, and so makes the system. */
    boolean loads(C config) {
        return true;
    }

    /**
     * Checks the configuration against what the system runs and binds what it can; starts nothing.
     *
     * @param timers where to add the names of the timers it loads, in order, as the load reply shows them
     * @return what starts them, once every system of the configuration is checked
     * @throws ConfigException naming the entry; nothing changes then
     */
    Runnable prepare(S system, C config, EngineConfig engine, List<String> timers) throws ConfigException {
        throw new IllegalStateException(name + " takes no configuration entries");
    }

    /** The text of one of its {@link #sections}, empty when it lists nothing. */
    abstract String list(S system, String section);

    /** Hands the system to the publisher's method for it. */
    abstract void publish(S system, Publisher publisher);

    /** Takes no more work and stops what runs periodically; {@code deadline} (nanoTime) bounds what may drain. */
    abstract void shutdown(S system, long deadline);

    /**
     * Waits, at most until {@code deadline} (nanoTime), for what still runs after {@link #shutdown}.
     *
     * @param late where to add what still runs then, as {@code thread (in what)}
     */
    void awaitStop(S system, long deadline, List<String> late) throws InterruptedException {
    }

    /** The system, made on first use; a system made here is published, if the engine publishes already. */
    final S get(Engine engine) {
        S s = system;
        if (s != null) {
            return s;
        }
        boolean madeHere = false;
        synchronized (this) {
            if (system == null) {
                system = make(engine);
                madeHere = true;
            }
            s = system;
        }
        if (madeHere) {
            engine.made(this);
        }
        return s;
    }

    /** The system, or {@code null} when it was never made. */
    final S existing() {
        return system;
    }

    /** {@link #prepare} for the configuration of one load; {@code null} when it loads nothing here. */
    @SuppressWarnings("unchecked")
    final Runnable prepareLoad(Engine engine, ModuleConfig config, EngineConfig settings, List<String> timers)
            throws ConfigException {
        if (config == null || !loads((C) config)) {
            return null;
        }
        return prepare(get(engine), (C) config, settings, timers);
    }

    /** The section's text, empty when the system was never made. */
    final String listing(String section) {
        S s = system;
        return s == null ? "" : list(s, section);
    }

    final void publishIfMade(Publisher publisher) {
        S s = system;
        if (s != null) {
            publish(s, publisher);
        }
    }

    final void shutdownIfMade(long deadline) {
        S s = system;
        if (s != null) {
            shutdown(s, deadline);
        }
    }

    final void awaitStopIfMade(long deadline, List<String> late) throws InterruptedException {
        S s = system;
        if (s != null) {
            awaitStop(s, deadline, late);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
