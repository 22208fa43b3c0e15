package io.ptimer.agent.async;

import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.exec.Deadline;
import io.ptimer.api.AsyncContext;

/**
 * One call of a route: a delayed route on an async timer, or a task on a group. It is also the
 * route's {@link AsyncContext}. Immutable.
 */
final class Call implements AsyncContext, Deadline.Task, Runnable {
    private final String route;
    private final BoundRoute bound;
    private final AsyncTimer timer;
    private final TaskGroup group;
    private final String data;

    private Call(String route, BoundRoute bound, AsyncTimer timer, TaskGroup group, String data) {
        this.route = route;
        this.bound = bound;
        this.timer = timer;
        this.group = group;
        this.data = data;
    }

    static Call delayed(String route, BoundRoute bound, AsyncTimer timer) {
        return new Call(route, bound, timer, null, null);
    }

    static Call task(String route, BoundRoute bound, TaskGroup group, String data) {
        return new Call(route, bound, null, group, data);
    }

    /** Runs a delayed route on its timer's thread. */
    @Override
    public void run(Deadline deadline) {
        timer.run(bound, this);
    }

    /** Runs a task on a worker of its group. */
    @Override
    public void run() {
        group.run("task", bound, this);
    }

    @Override
    public String route() {
        return route;
    }

    @Override
    public String group() {
        return group == null ? null : group.name();
    }

    @Override
    public String data() {
        return data;
    }

    @Override
    public String toString() {
        return "async route " + route + (group == null ? "" : " on group " + group.name())
                + (data == null ? "" : " with data \"" + data + "\"");
    }
}
