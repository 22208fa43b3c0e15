/**
 * Where code runs: the execution layer every timer system shares.
 *
 * <ul>
 *   <li>a {@link io.ptimer.agent.exec.DedicatedLane}: one daemon thread and its precise wait,
 *       for a job that owns its thread (a ptimer worker);</li>
 *   <li>a {@link io.ptimer.agent.exec.TimerLane}: one daemon thread running many periodic or
 *       one-shot {@link io.ptimer.agent.exec.Deadline}s from a heap, waiting precisely for the
 *       nearest one (the shared {@code ptimer-core} lane, an rtimer thread, a timer process, an
 *       async timer thread);</li>
 *   <li>a {@link io.ptimer.agent.exec.LanePool}: a few {@link io.ptimer.agent.exec.SharedLane}s
 *       running many {@link io.ptimer.agent.exec.Job}s (ptimer workers with {@code thread=shared}),
 *       where a job whose step runs long gets a thread of its own;</li>
 *   <li>a {@link io.ptimer.agent.exec.TaskPool}: named threads taking tasks from a bounded queue.</li>
 * </ul>
 *
 * <p>Error counting with the rate-limited log ({@link io.ptimer.agent.exec.Errors}) and lateness
 * recording ({@link io.ptimer.agent.exec.Lateness}) are one piece each, used by every system. The
 * layer knows nothing of routes: a lane runs jobs and deadlines, and the timer systems call their
 * routes through {@link io.ptimer.agent.binding.RouteRunner}.
 *
 * <p>Threading rule: each lane's state (its schedule, its heap, its route instances) is confined to
 * the lane's own thread; a shared lane's, to its current carrier, which changes only by one
 * compare-and-set. Other threads only hand it work through a concurrent queue and wake it;
 * the figures operators read are single-writer fields, published with volatile or ordered writes.
 *
 * <p>Internal to the agent, not an API: what is public here is public for the agent's other
 * packages only. The jar is on the bootstrap class path, so host code could reach it, but nothing
 * here is kept stable for the host; {@code io.ptimer.api} is the only API.
 */
package io.ptimer.agent.exec;
