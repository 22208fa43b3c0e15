package io.ptimer.api;

/** What a route run by the async system sees: the route, the task group, and the data given with it. */
public interface AsyncContext {

    /**
     * The route as given to the call.
     *
     * @return e.g. {@code com.example.Jobs::resume}
     */
    String route();

    /**
     * The task group that runs the route.
     *
     * @return the group's name, or {@code null} for a delayed route
     */
    String group();

    /**
     * The data given with the task.
     *
     * @return the data, or {@code null} when none was given
     */
    String data();
}
