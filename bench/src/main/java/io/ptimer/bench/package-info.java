/**
 * The benchmark: {@link io.ptimer.bench.Benchmark} runs each part (lateness, start-up, shaping,
 * core timers, rtimer, async, drift, scale and, where given, Kamailio itself as a peer) with every
 * runner in a child process of its own, and writes the report and its charts.
 *
 * <p>Threading: the benchmark's own process is single-threaded, one part and one child at a time;
 * the hosts it starts ({@code *Host}, {@code *Tick}) record on the thread the timer under test
 * calls them on and publish what they recorded only after it has stopped.
 */
package io.ptimer.bench;
