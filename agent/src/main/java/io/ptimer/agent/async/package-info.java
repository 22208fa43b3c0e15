/**
 * Kamailio's async module: routes run after a delay, or at once on named task worker groups,
 * with data and type/key/value events. Not built yet; it will run on the
 * {@link io.ptimer.agent.exec.TimerLane}s and {@link io.ptimer.agent.exec.TaskPool}s of the
 * execution layer.
 *
 * <p>Threading rule: submissions are thread-safe; each route runs on one pool or timer thread.
 */
package io.ptimer.agent.async;
