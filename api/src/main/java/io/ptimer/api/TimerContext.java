package io.ptimer.api;

import java.time.Duration;
import java.util.Map;

/**
 * What a route sees of its timer and worker: Kamailio's {@code $ptimer(...)} and {@code $var(...)}.
 * One context belongs to one worker and is used only on that worker's thread.
 *
 * <p>The setters work inside the start route only and apply to this worker; anywhere else they
 * throw {@link IllegalStateException}. Out-of-range values throw {@link IllegalArgumentException}.
 * Each start begins from the timer's configured values.
 */
public interface TimerContext {

    /**
     * The timer's name, {@code $ptimer(name)}.
     *
     * @return the name given by {@code timer=name=...}
     */
    String name();

    /**
     * The timer's type, {@code $ptimer(type)}.
     *
     * @return the type given by {@code type=} or {@code default_type}
     */
    TimerType type();

    /**
     * This worker's loop interval, {@code $ptimer(interval)}.
     *
     * @return the interval, as configured or as the start route set it
     */
    Duration interval();

    /**
     * How many workers the timer has, {@code $ptimer(nworkers)}.
     *
     * @return at least 1
     */
    int nworkers();

    /**
     * This worker's index, {@code $ptimer(worker)}.
     *
     * @return from 0 to {@code nworkers() - 1}
     */
    int worker();

    /**
     * The id of the thread running this route, {@code $ptimer(pid)}: the worker's own thread, or,
     * for a worker on the shared lanes, the lane's thread, which other workers share, until a long
     * route gives the worker a thread of its own.
     *
     * @return the operating-system thread id (what {@code top -H} shows), or the JVM's pid where it is
     *         unknown
     */
    long pid();

    /**
     * Total number of tasks, {@code $ptimer(ntasks)}.
     *
     * @return at least 0
     */
    int ntasks();

    /**
     * Tasks for this loop, {@code $ptimer(tasks)}.
     *
     * @return the current slice's share for slice timers; {@code ntasks()} otherwise, unless the
     *         start route set it
     */
    int tasks();

    /**
     * Number of slices the tasks are split into, {@code $ptimer(nslices)}.
     *
     * @return at least 1
     */
    int nslices();

    /**
     * The slice this loop works on, {@code $ptimer(slice)}.
     *
     * @return from 0 to {@code nslices() - 1}
     */
    int slice();

    /**
     * When this loop's tasks should be done, as {@link System#nanoTime()}: the time the next loop
     * is due. For a timer shared by several JVMs ({@code cluster=C}) it is the end of the step's
     * spend window instead, a few milliseconds into the step: the cluster's contract holds for the
     * tasks done by then, so a route that sends should stop there and leave the rest queued.
     * Meaningful in the loop route.
     *
     * @return a {@link System#nanoTime()} value
     */
    default long deadline() {
        return System.nanoTime() + interval().toNanos();
    }

    /**
     * Variables kept from the start route to the end route and cleared after end, like {@code $var(...)}.
     *
     * @return this worker's mutable map
     */
    Map<String, Object> vars();

    /**
     * Sets this worker's loop interval. Start route only.
     *
     * @param interval the new interval; must be positive
     */
    void interval(Duration interval);

    /**
     * Sets the total number of tasks. Start route only.
     *
     * @param ntasks the new total; must be {@code >= 0}
     */
    void ntasks(int ntasks);

    /**
     * Sets this worker's tasks. Start route only.
     *
     * @param tasks the new count; must be within {@code 0..ntasks()}
     */
    void tasks(int tasks);

    /**
     * Sets the number of slices. Start route only.
     *
     * @param nslices the new count; must be {@code >= 1}
     */
    void nslices(int nslices);

    /**
     * Sets the slice the first loop works on. Start route only.
     *
     * @param slice the slice; must be within {@code 0..nslices()-1}
     */
    void slice(int slice);

    /**
     * Tells how many tasks this worker's loop could use now: its queue's backlog. A timer shared
     * by several JVMs ({@code cluster=C}) grants each JVM's loops by what they told, so an idle
     * JVM's share goes to the busy ones; a loop that never tells counts as wanting the whole
     * budget. Elsewhere it is ignored. Start and loop routes, on the worker's own thread.
     *
     * @param tasks the backlog; must be {@code >= 0}
     * @throws IllegalArgumentException for a negative backlog
     * @throws IllegalStateException on another thread than the worker's
     */
    default void backlog(int tasks) {
        if (tasks < 0) {
            throw new IllegalArgumentException("backlog " + tasks + " is not allowed: it must be >= 0");
        }
    }
}
