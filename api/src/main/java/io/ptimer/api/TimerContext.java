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

    /** The timer's name. */
    String name();

    /** The timer's type. */
    TimerType type();

    /** This worker's loop interval. */
    Duration interval();

    /** How many workers the timer has. */
    int nworkers();

    /** This worker's index, from 0 to {@code nworkers() - 1}. */
    int worker();

    /** The operating-system thread id of this worker (what {@code top -H} shows), or the JVM's pid where it is unknown. */
    long pid();

    /** Total number of tasks. */
    int ntasks();

    /** Tasks for this loop: the current slice's share for slice timers, {@code ntasks()} otherwise unless start set it. */
    int tasks();

    /** Number of slices the tasks are split into. */
    int nslices();

    /** The slice this loop works on, from 0 to {@code nslices() - 1}. */
    int slice();

    /** Variables kept from the start route to the end route and cleared after end, like {@code $var(...)}. */
    Map<String, Object> vars();

    /** Sets this worker's loop interval; must be positive. Start route only. */
    void interval(Duration interval);

    /** Sets the total number of tasks; must be {@code >= 0}. Start route only. */
    void ntasks(int ntasks);

    /** Sets this worker's tasks; must be within {@code 0..ntasks()}. Start route only. */
    void tasks(int tasks);

    /** Sets the number of slices; must be {@code >= 1}. Start route only. */
    void nslices(int nslices);

    /** Sets the slice the first loop works on; must be within {@code 0..nslices()-1}. Start route only. */
    void slice(int slice);
}
