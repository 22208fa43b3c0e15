/**
 * Kamailio's core timer API for application code ({@code io.ptimer.api.CoreTimers}): callbacks
 * every N seconds or milliseconds on the shared {@code ptimer-core} lane, or on a timer process of
 * their own ({@code ptimer-core-<name>}), each on its own grid.
 *
 * <p>Threading rule: registration, cancel, pause and continue are thread-safe; a callback runs on
 * its lane's thread only, and its figures are single-writer fields read by anyone.
 */
package io.ptimer.agent.core;
