/**
 * The agent's entry points: {@code premain} for {@code -javaagent}, {@code agentmain} for a load
 * into a running JVM, and the reply that tells the {@code attach} command how the load went.
 * Kept tiny: premain only checks the configuration; the daemon thread {@code ptimer-start} starts
 * the timers and registers the MBeans once the platform MBean server exists.
 *
 * <p>Threading rule: the entry points run on the JVM's thread that calls them (main before
 * {@code main}, or the attach listener); all they share is the engine, which serialises loading.
 * What premain leaves to {@code ptimer-start} is handed over whole, as a checked plan.
 *
 * <p>Internal to the agent, not an API: what is public here is public for the JVM (the entry
 * points), the {@code attach} command and the API's bridges into the engine only. The jar is on the
 * bootstrap class path, so host code could reach it, but nothing here is kept stable for the host;
 * {@code io.ptimer.api} is the only API.
 */
package io.ptimer.agent.boot;
