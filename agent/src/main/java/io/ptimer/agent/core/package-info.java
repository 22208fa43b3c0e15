/**
 * Kamailio's core timer API for application code: callbacks every N seconds or milliseconds on the
 * shared {@code ptimer-core} lane or on a timer process of their own, and the ticks since start.
 * Not built yet; it will run on the execution layer of {@link io.ptimer.agent.exec}.
 *
 * <p>Threading rule: registration is thread-safe; callbacks run on their lane's thread only.
 */
package io.ptimer.agent.core;
