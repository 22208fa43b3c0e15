/**
 * Kamailio's rtimer module: timers that run their exec routes one after another every interval,
 * with a fixed delay between the end of one run and the start of the next. {@code mode=0} runs on
 * the shared {@code ptimer-core} lane; {@code mode=N} on N dedicated threads
 * {@code rtimer-<name>-<i>}, each running all the exec routes.
 *
 * <p>Threading rule: each thread of a timer is a periodic deadline on a
 * {@link io.ptimer.agent.exec.TimerLane}; its context and route instances belong to that thread.
 * Pause and continue are thread-safe; figures are single-writer fields read by anyone.
 *
 * <p>Internal to the agent, not an API: what is public here is public for the agent's other
 * packages only; {@code io.ptimer.api} is the only API.
 */
package io.ptimer.agent.rtimer;
