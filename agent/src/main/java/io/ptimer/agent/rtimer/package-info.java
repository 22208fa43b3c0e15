/**
 * Kamailio's rtimer module: timers that run their exec routes every interval, on the shared
 * {@code ptimer-core} lane or on dedicated threads. Not built yet; it will run on the execution
 * layer of {@link io.ptimer.agent.exec}.
 *
 * <p>Threading rule: each rtimer thread is a {@link io.ptimer.agent.exec.TimerLane}; its route
 * instances belong to that thread.
 */
package io.ptimer.agent.rtimer;
