/**
 * Kamailio's core timer API for application code ({@code io.ptimer.api.CoreTimers}): callbacks
 * every N seconds or milliseconds on the shared {@code ptimer-core} lane, or on a timer process of
 * their own ({@code ptimer-core-<name>}), each on its own grid.
 *
 * <p>Threading rule: registration, cancel, pause and continue are thread-safe; a callback runs on
 * its lane's thread only, and its figures are single-writer fields read by anyone.
 *
 * <p>Internal to the agent, not an API: what is public here is public for the agent's other
 * packages only; {@code io.ptimer.api} is the only API.
 */
package io.ptimer.agent.core;
