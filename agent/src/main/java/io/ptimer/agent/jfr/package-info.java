/**
 * JDK Flight Recorder events of the engine, type names {@code io.ptimer.*}, category {@code ptimer}:
 * late loops and runs, overruns, route errors, worker state changes, control requests, and async's
 * full queues and dropped work. {@link io.ptimer.agent.jfr.Flight} is the one door: it loads no
 * event class until the JVM has a flight recorder that was started (a JVM without the
 * {@code jdk.jfr} module, or one that never records, loads none), and an event is made only on the
 * rare path it describes, never per loop.
 *
 * <p>Threading rule: events are made, filled and committed on the thread where what they describe
 * happens; nothing here is shared.
 *
 * <p>Internal to the agent, not an API: what is public here is public for the agent's other
 * packages only. The jar is on the bootstrap class path, so host code could reach it, but nothing
 * here is kept stable for the host; {@code io.ptimer.api} is the only API.
 */
package io.ptimer.agent.jfr;
