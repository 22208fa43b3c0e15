package io.ptimer.agent.jmx;

import io.ptimer.agent.async.TaskGroup;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.ReflectionException;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.SimpleType;

/** {@code io.ptimer:type=AsyncGroup,name=<group>}: one async task group, its settings and counters. */
final class AsyncGroupMBean extends ReadOnlyMBean {
    /** The figures of a group: this MBean's attributes and the columns of the Async MBean's table. */
    static final Attributes<TaskGroup> FIGURES = new Attributes<TaskGroup>()
            .add("name", SimpleType.STRING, "Group name", TaskGroup::name)
            .add("workers", SimpleType.INTEGER, "Worker threads async-<group>-<i>", TaskGroup::workers)
            .add("queued", SimpleType.INTEGER, "Tasks waiting in the queue", TaskGroup::queued)
            .add("completed", SimpleType.LONG, "Tasks run, whether or not their route threw", TaskGroup::completed)
            .add("errors", SimpleType.LONG, "Exceptions thrown by the group's routes", TaskGroup::errors)
            .add("nonblock", SimpleType.BOOLEAN, "Whether a submission to a full queue fails at once",
                    TaskGroup::nonblock)
            .add("usleep", SimpleType.INTEGER, "Pause of each worker before its next task, in microseconds",
                    TaskGroup::usleep)
            .add("queueBound", SimpleType.INTEGER, "The most tasks the queue holds", TaskGroup::bound);
    static final CompositeType ROW;

    static {
        try {
            ROW = FIGURES.compositeType("io.ptimer.AsyncGroup", "One async task group, as async.list shows it");
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final TaskGroup group;
    private final MBeanInfo info;

    AsyncGroupMBean(TaskGroup group) {
        this.group = group;
        this.info = new MBeanInfo(AsyncGroupMBean.class.getName(), "async task group \"" + group.name()
                + "\": its settings, queue and counters", FIGURES.info(), null, new MBeanOperationInfo[0], null);
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        return FIGURES.get(group, attribute);
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        return FIGURES.get(group, attributes);
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) throws ReflectionException {
        throw new ReflectionException(new NoSuchMethodException(action), "no operation " + action
                + ": an async group has attributes only");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }
}
