package io.ptimer.agent.jmx;

import io.ptimer.agent.config.Interval;
import io.ptimer.agent.core.CoreTimer;
import io.ptimer.agent.exec.Lateness;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.ReflectionException;
import javax.management.openmbean.SimpleType;

/**
 * {@code io.ptimer:type=CoreTimer,name=<name>}: one timer registered through
 * {@code io.ptimer.api.CoreTimers}: its interval and thread, counters and lateness, and
 * {@code pause}, {@code continue} and {@code cancel}.
 */
final class CoreTimerMBean extends OpenMBean<CoreTimerMBean> {
    private static final OpenAttributes<CoreTimerMBean> ATTRIBUTES = new OpenAttributes<CoreTimerMBean>()
            .add("name", SimpleType.STRING, "Timer name", m -> m.timer.name())
            .add("interval", SimpleType.STRING, "The interval of its grid, e.g. 1s", m -> Interval.format(m.timer.intervalNanos()))
            .add("intervalUs", SimpleType.LONG, "The interval in microseconds", m -> m.timer.intervalNanos() / 1000)
            .add("thread", SimpleType.STRING, "shared (on ptimer-core) or dedicated (a timer process of its own)",
                    m -> m.timer.placement())
            .add("threadName", SimpleType.STRING, "The Java thread running it", m -> m.timer.threadName())
            .add("runs", SimpleType.LONG, "Runs of the function", m -> m.timer.runs())
            .add("errors", SimpleType.LONG, "Exceptions thrown by the function", m -> m.timer.errors().count())
            .add("lastError", SimpleType.STRING, "The last exception the function threw, or empty",
                    m -> m.timer.errors().last() == null ? "" : m.timer.errors().last())
            .add("overruns", SimpleType.LONG, "Runs that ended past their next grid point", m -> m.timer.overruns())
            .add("latenessP50Us", SimpleType.LONG, "Median start lateness of the recent runs, in microseconds",
                    m -> m.lateness(50))
            .add("latenessP99Us", SimpleType.LONG, "99th percentile start lateness of the recent runs, in microseconds",
                    m -> m.lateness(99))
            .add("latenessMaxUs", SimpleType.LONG, "Largest start lateness of the recent runs, in microseconds",
                    m -> m.lateness(100))
            .add("paused", SimpleType.BOOLEAN, "Whether it is paused", m -> m.timer.paused())
            .add("cancelled", SimpleType.BOOLEAN, "Whether it was cancelled (it runs no more)", m -> m.timer.cancelled());

    private static final MBeanInfo INFO = new MBeanInfo(CoreTimerMBean.class.getName(),
            "core timer: a callback every interval on its own grid; pause, continue, cancel",
            ATTRIBUTES.infos(), null, new MBeanOperationInfo[] {
                Jmx.operation("pause", "Skip the runs that fall due until continue"),
                Jmx.operation("continue", "Run again from the next point of its grid"),
                Jmx.operation("cancel", "No further runs; a run in progress completes")}, null);

    private final CoreTimer timer;

    CoreTimerMBean(CoreTimer timer) {
        this.timer = timer;
    }

    private long lateness(double percentile) {
        return Lateness.percentile(timer.lateness().sorted(), percentile) / 1000;
    }

    @Override
    OpenAttributes<CoreTimerMBean> attributes() {
        return ATTRIBUTES;
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) throws MBeanException, ReflectionException {
        int n = params == null ? 0 : params.length;
        Runnable op = switch (action) {
            case "pause" -> timer::pause;
            case "continue" -> timer::resume;
            case "cancel" -> timer::cancel;
            default -> null;
        };
        if (op == null || n != 0) {
            throw Jmx.noSuchOperation(action, params, "pause(), continue(), cancel()");
        }
        if (timer.cancelled() && !action.equals("cancel")) {
            throw new MBeanException(new IllegalArgumentException("core timer \"" + timer.name() + "\" is cancelled"),
                    "core timer \"" + timer.name() + "\" is cancelled");
        }
        op.run();
        return action + " done on core timer \"" + timer.name() + "\"";
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return INFO;
    }
}
