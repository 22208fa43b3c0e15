/**
 * Kamailio's async module: routes run after a delay ({@code async_route}, {@code async_ms_route}),
 * sleeps that complete a future ({@code async_sleep}, {@code async_ms_sleep}), routes queued on named
 * task groups with optional data ({@code async_task_*}), and type/key/value events
 * ({@code async_tkv_emit}). {@link io.ptimer.agent.async.AsyncConfig} reads the module's entries and
 * the core parameters of the task framework; {@link io.ptimer.agent.async.AsyncSystem} runs delayed
 * routes as one-shot deadlines on {@link io.ptimer.agent.exec.TimerLane}s named
 * {@code async-timer-<i>} and tasks on {@link io.ptimer.agent.exec.TaskPool}s named
 * {@code async-<group>-<i>}; route strings are bound once and kept.
 *
 * <p>Threading rule: calls are thread-safe and check everything before queuing; each route runs on
 * one timer or group thread, through that thread's own route runner.
 *
 * <p>Internal to the agent, not an API: what is public here is public for the agent's other
 * packages only. The jar is on the bootstrap class path, so host code could reach it, but nothing
 * here is kept stable for the host; {@code io.ptimer.api} is the only API.
 */
package io.ptimer.agent.async;
