package io.ptimer.agent.jmx;

import io.ptimer.agent.async.AsyncSystem;
import io.ptimer.agent.exec.Lateness;
import javax.management.openmbean.SimpleType;

/**
 * {@code io.ptimer:type=Async}: the delayed routes (pending, run, errors, lateness) and a table of
 * the task groups, as {@code async.list} shows them.
 */
final class AsyncMBean extends AttributesOnlyMBean<AsyncMBean> {
    private static final OpenAttributes<AsyncMBean> ATTRIBUTES = new OpenAttributes<AsyncMBean>()
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
                    m -> m.lateness(100))
            .add("groups", AsyncGroupMBean.TABLE.tableType(), "The task groups, one row each, as async.list shows them",
                    m -> AsyncGroupMBean.TABLE.table(m.system.groups()));

    private final AsyncSystem system;

    AsyncMBean(AsyncSystem system) {
        super("async: delayed routes and task groups (Kamailio's async module)", ATTRIBUTES);
        this.system = system;
    }

    private long lateness(double percentile) {
        return Lateness.percentile(system.lateness(), percentile) / 1000;
    }
}
