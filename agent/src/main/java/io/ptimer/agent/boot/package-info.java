/**
 * The agent's entry points: {@code premain} for {@code -javaagent}, {@code agentmain} for a load
 * into a running JVM, and the reply that tells the {@code attach} command how the load went.
 * Kept tiny: premain loads no JMX class and leaves the MBeans to a daemon thread a second later.
 *
 * <p>Threading rule: the entry points run on the JVM's thread that calls them (main before
 * {@code main}, or the attach listener); all they share is the engine, which serialises loading.
 */
package io.ptimer.agent.boot;
