package io.ptimer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;

@Name("io.ptimer.AsyncQueueFull")
@Label("Async Queue Full")
@Category("ptimer")
final class QueueFullEvent extends jdk.jfr.Event {
    @Label("Group")
    String group;
    @Label("Route")
    String route;
    @Label("Queue Bound")
    int bound;

    static void emit(String group, String route, int bound) {
        QueueFullEvent e = new QueueFullEvent();
        if (e.shouldCommit()) {
            e.group = group;
            e.route = route;
            e.bound = bound;
            e.commit();
        }
    }
}
