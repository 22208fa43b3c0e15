package io.ptimer.agent.jmx;

import io.ptimer.agent.async.TaskGroup;
import java.util.function.Function;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/** {@code io.ptimer:type=AsyncGroup,name=<group>}: one async task group, its settings and counters. */
final class AsyncGroupMBean extends AttributesOnlyMBean<AsyncGroupMBean> {
    /** The groups as the rows of the Async MBean's table, with the same figures as this MBean's attributes. */
    static final OpenTable<TaskGroup> TABLE = new OpenTable<>();
    private static final OpenAttributes<AsyncGroupMBean> ATTRIBUTES = new OpenAttributes<>();

    static {
        figure("name", SimpleType.STRING, "Group name", TaskGroup::name);
        figure("workers", SimpleType.INTEGER, "Worker threads async-<group>-<i>", TaskGroup::workers);
        figure("queued", SimpleType.INTEGER, "Tasks waiting in the queue", TaskGroup::queued);
        figure("completed", SimpleType.LONG, "Tasks run, whether or not their route threw", TaskGroup::completed);
        figure("errors", SimpleType.LONG, "Exceptions thrown by the group's routes", TaskGroup::errors);
        figure("nonblock", SimpleType.BOOLEAN, "Whether a submission to a full queue fails at once", TaskGroup::nonblock);
        figure("usleep", SimpleType.INTEGER, "Pause of each worker before its next task, in microseconds",
                TaskGroup::usleep);
        figure("queueBound", SimpleType.INTEGER, "The most tasks the queue holds", TaskGroup::bound);
        TABLE.build("io.ptimer.AsyncGroup", "One async task group, as async.list shows it", "io.ptimer.AsyncGroups",
                "The async task groups");
        ATTRIBUTES.add("lastError", SimpleType.STRING, "The last exception thrown by a route, or empty",
                m -> m.group.lastError() == null ? "" : m.group.lastError());
    }

    private static void figure(String name, OpenType<?> type, String description, Function<TaskGroup, Object> value) {
        TABLE.column(name, type, description, value);
        ATTRIBUTES.add(name, type, description, m -> value.apply(m.group));
    }

    private final TaskGroup group;

    AsyncGroupMBean(TaskGroup group) {
        super("async task group \"" + group.name() + "\": its settings, queue and counters", ATTRIBUTES);
        this.group = group;
    }
}
