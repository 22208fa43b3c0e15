package io.ptimer.api;

/** A registered core timer. Closing it cancels it, so it fits try-with-resources. */
public interface TimerHandle extends AutoCloseable {

    /**
     * The name the timer was registered with.
     *
     * @return the name, unique among timers not cancelled
     */
    String name();

    /** Stops the timer: no further runs; a run in progress completes. The name may be registered again. */
    void cancel();

    /**
     * Whether {@link #cancel()} was called.
     *
     * @return {@code true} once cancelled
     */
    boolean cancelled();

    /** The same as {@link #cancel()}. */
    @Override
    void close();
}
