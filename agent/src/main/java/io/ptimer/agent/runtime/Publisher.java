package io.ptimer.agent.runtime;

import io.ptimer.agent.async.AsyncSystem;
import io.ptimer.agent.core.CoreSystem;
import io.ptimer.agent.ptimer.PtimerSystem;
import io.ptimer.agent.rtimer.RtimerSystem;

/**
 * Shows each timer system to operators (the JMX face implements it): the engine hands it every
 * system it has made, and each one it makes later, through the method for that system. A system
 * may be handed over more than once (every load publishes again), so each method registers only
 * what is not registered yet. Called on the thread that publishes or that made the system.
 */
public interface Publisher {
    void ptimer(PtimerSystem system);

    void rtimer(RtimerSystem system);

    void core(CoreSystem system);

    void async(AsyncSystem system);
}
