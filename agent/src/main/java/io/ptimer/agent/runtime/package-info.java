/**
 * The engine: one per JVM, shared by premain, every attach and the public API. Its registry of
 * timer systems ({@code Systems}, one {@code TimerSystem} entry each) says which configuration
 * modules and listing sections belong to which system and how each is made; the engine reads a
 * configuration, hands each module's entries to its system, binds and starts them all or nothing,
 * lists and publishes the systems made, and runs them down within the shutdown timeout when the
 * JVM exits.
 *
 * <p>Threading rule: loading is serialised on the engine's monitor; a system is made once, under
 * its entry's monitor, and read through a volatile field; the monitors nest in the order the
 * {@link io.ptimer.agent.runtime.Engine} states; requests and listings go to the systems, which are
 * thread-safe; shutdown runs on the {@code ptimer-shutdown} hook thread.
 *
 * <p>Internal to the agent, not an API: what is public here is public for the agent's other
 * packages only; {@code io.ptimer.api} is the only API.
 */
package io.ptimer.agent.runtime;
