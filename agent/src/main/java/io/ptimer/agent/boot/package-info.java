/**
 * The agent's entry points: {@code premain} for {@code -javaagent}, {@code agentmain} for a load
 * into a running JVM, and the reply that tells the {@code attach} command how the load went.
 * Kept tiny: premain only checks the configuration; the daemon thread {@code ptimer-start} starts
 * the timers and registers the MBeans once the platform MBean server exists.
 *
 * <p>Threading rule: the entry points run on the JVM's thread that calls them (main before
 * {@code main}, or the attach listener); all they share is the engine, which serialises loading.
 * What premain leaves to {@code ptimer-start} is handed over whole, as a checked plan.
 */
package io.ptimer.agent.boot;
