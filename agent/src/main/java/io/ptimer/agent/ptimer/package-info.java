/**
 * Kamailio's ptimer module: timers whose workers run a start route, then a loop route every
 * interval, then an end route, steered by the requests pause, continue, start, loop and end.
 * Its configuration schema ({@link io.ptimer.agent.ptimer.PtimerConfig}), the timers
 * ({@link io.ptimer.agent.ptimer.Ptimer}), their workers ({@link io.ptimer.agent.ptimer.Worker},
 * {@link io.ptimer.agent.exec.Job}s on a {@link io.ptimer.agent.exec.DedicatedLane} of their own
 * or on the shared lanes of the {@link io.ptimer.agent.exec.LanePool}) and the text of
 * {@code ptimer.list}.
 *
 * <p>Threading rule: a worker's state machine, context and route instances belong to the thread
 * that runs its step; its steps never overlap. Any thread may send a {@link io.ptimer.agent.ptimer.Request}: it is queued and applied
 * by the worker at its next safe point; so is a {@code set}, made under the timer's monitor by an
 * operator's thread, or by the first worker whose step reaches an {@code ntasks} set in its cluster.
 * Operators' figures are volatile single-writer fields.
 *
 * <p>Internal to the agent, not an API: what is public here is public for the agent's other
 * packages only; {@code io.ptimer.api} is the only API.
 */
package io.ptimer.agent.ptimer;
