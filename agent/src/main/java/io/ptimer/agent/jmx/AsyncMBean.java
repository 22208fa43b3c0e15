package io.ptimer.agent.jmx;

import io.ptimer.agent.async.AsyncSystem;
import io.ptimer.agent.async.TaskGroup;
import io.ptimer.agent.exec.Lateness;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.ReflectionException;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * {@code io.ptimer:type=Async}: the delayed routes (pending, run, errors, lateness) and a table of
 * the task groups, as {@code async.list} shows them.
 */
final class AsyncMBean extends ReadOnlyMBean {
    private static final TabularType GROUPS;
    private static final Attributes<AsyncMBean> FIGURES = new Attributes<AsyncMBean>()
            .add("timerThreads", SimpleType.INTEGER, "Threads async-timer-<i> that run delayed routes (async.workers)",
                    m -> m.system.timerThreads())
            .add("pending", SimpleType.LONG, "Delayed routes and sleeps not yet run", m -> m.system.pending())
            .add("run", SimpleType.LONG, "Delayed routes and sleeps run", m -> m.system.runs())
            .add("errors", SimpleType.LONG, "Exceptions thrown by delayed routes", m -> m.system.errors())
            .add("latenessP50Us", SimpleType.LONG, "Median lateness of the recent delayed routes, in microseconds",
                    m -> m.lateness(50))
            .add("latenessP99Us", SimpleType.LONG,
                    "99th percentile lateness of the recent delayed routes, in microseconds", m -> m.lateness(99))
            .add("latenessMaxUs", SimpleType.LONG, "Largest lateness of the recent delayed routes, in microseconds",
                    m -> m.lateness(100));

    static {
        try {
            GROUPS = new TabularType("io.ptimer.AsyncGroups", "The async task groups", AsyncGroupMBean.ROW,
                    new String[] {"name"});
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
        FIGURES.add("groups", GROUPS, "The task groups, one row each, as async.list shows them", AsyncMBean::groups);
    }

    private final AsyncSystem system;
    private final MBeanInfo info;

    AsyncMBean(AsyncSystem system) {
        this.system = system;
        this.info = new MBeanInfo(AsyncMBean.class.getName(),
                "async: delayed routes and task groups (Kamailio's async module)", FIGURES.info(), null,
                new MBeanOperationInfo[0], null);
    }

    private long lateness(double percentile) {
        return Lateness.percentile(system.lateness(), percentile) / 1000;
    }

    private TabularData groups() {
        TabularDataSupport table = new TabularDataSupport(GROUPS);
        for (TaskGroup g : system.groups()) {
            table.put(AsyncGroupMBean.FIGURES.row(AsyncGroupMBean.ROW, g));
        }
        return table;
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        return FIGURES.get(this, attribute);
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        return FIGURES.get(this, attributes);
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) throws ReflectionException {
        throw new ReflectionException(new NoSuchMethodException(action), "no operation " + action
                + ": the async MBean has attributes only; see the manager's asyncList()");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }
}
