package io.ptimer.agent.async;

import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.api.TkvEvent;

/** One type/key/value event on its way to the event route, on the tkv group. Immutable. */
final class Event implements TkvEvent, Runnable {
    private final int type;
    private final String key;
    private final String value;
    private final TaskGroup group;
    private final BoundRoute route;

    Event(int type, String key, String value, TaskGroup group, BoundRoute route) {
        this.type = type;
        this.key = key;
        this.value = value;
        this.group = group;
        this.route = route;
    }

    @Override
    public void run() {
        group.run("tkv", route, this);
    }

    @Override
    public int type() {
        return type;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String value() {
        return value;
    }

    @Override
    public String group() {
        return group.name();
    }

    @Override
    public String toString() {
        return "tkv event " + type + " / " + key + " / " + value;
    }
}
