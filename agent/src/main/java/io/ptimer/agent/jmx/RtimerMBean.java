package io.ptimer.agent.jmx;

import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.config.Interval;
import io.ptimer.agent.exec.Lateness;
import io.ptimer.agent.rtimer.Rtimer;
import io.ptimer.agent.rtimer.RtimerSystem;
import io.ptimer.agent.rtimer.RtimerThread;
import java.util.List;
import java.util.function.ToLongFunction;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ReflectionException;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.SimpleType;

/**
 * {@code io.ptimer:type=RTimer,name=<name>}: one rtimer as {@code rtimer.list} shows it, its
 * counters and lateness, a row per thread, and {@code pause} / {@code continue} for all threads or one.
 */
final class RtimerMBean extends OpenMBean<RtimerMBean> {
    private static final OpenTable<RtimerThread> THREADS = new OpenTable<RtimerThread>()
            .column("worker", SimpleType.INTEGER, "Thread index, 0-based (the route's ctx.worker())", RtimerThread::index)
            .column("thread", SimpleType.STRING, "The Java thread running it", RtimerThread::threadName)
            .column("state", SimpleType.STRING, "exec (running a route), sleeping, paused or stopped", RtimerThread::state)
            .column("paused", SimpleType.BOOLEAN, "Whether the thread is paused", RtimerThread::paused)
            .column("runs", SimpleType.LONG, "Runs of all exec routes", RtimerThread::runs)
            .column("errors", SimpleType.LONG, "Exceptions thrown by the exec routes", RtimerThread::errors)
            .column("latenessP99Us", SimpleType.LONG, "99th percentile start lateness of the recent runs, in microseconds",
                    t -> Lateness.percentile(t.lateness().sorted(), 99) / 1000)
            .column("lastError", SimpleType.STRING, "The last exception an exec route threw, or empty",
                    t -> t.lastError() == null ? "" : t.lastError())
            .build("io.ptimer.RtimerThread", "One thread of an rtimer", "io.ptimer.RtimerThreads", "The threads of an rtimer");

    private static final OpenAttributes<RtimerMBean> ATTRIBUTES = new OpenAttributes<RtimerMBean>()
            .add("name", SimpleType.STRING, "Timer name", m -> m.timer.name())
            .add("mode", SimpleType.INTEGER, "0 on the shared timer thread ptimer-core, N on N dedicated threads",
                    m -> m.timer.spec().effectiveMode())
            .add("interval", SimpleType.STRING, "Time from the end of one run to the start of the next, e.g. 10s",
                    m -> Interval.format(m.timer.intervalNanos()))
            .add("intervalUs", SimpleType.LONG, "The interval in microseconds", m -> m.timer.intervalNanos() / 1000)
            .add("execRoutes", stringArray(), "The exec routes, in the order they run",
                    m -> m.timer.spec().execs().stream().map(RouteSpec::display).toArray(String[]::new))
            .add("status", SimpleType.STRING, "running, waiting for its route classes, or failed: the reason",
                    m -> m.timer.status().toString())
            .add("threads", THREADS.tableType(), "The threads, one row each", m -> THREADS.table(m.timer.threads()))
            .add("runs", SimpleType.LONG, "Runs of all threads", m -> m.sum(RtimerThread::runs))
            .add("errors", SimpleType.LONG, "Exceptions thrown by the exec routes of all threads",
                    m -> m.sum(RtimerThread::errors))
            .add("lastError", SimpleType.STRING, "The last exception an exec route threw, or empty", RtimerMBean::lastError)
            .add("latenessP50Us", SimpleType.LONG, "Median start lateness of the recent runs, in microseconds",
                    m -> m.lateness(50))
            .add("latenessP99Us", SimpleType.LONG, "99th percentile start lateness of the recent runs, in microseconds",
                    m -> m.lateness(99))
            .add("latenessMaxUs", SimpleType.LONG, "Largest start lateness of the recent runs, in microseconds",
                    m -> m.lateness(100));

    private static final MBeanInfo INFO = new MBeanInfo(RtimerMBean.class.getName(),
            "rtimer: exec routes every interval; pause, continue (an addition: Kamailio's rtimer has no control)",
            ATTRIBUTES.infos(), null, new MBeanOperationInfo[] {
                Jmx.operation("pause", "Pause every thread of the timer"),
                Jmx.operation("pause", "Pause one thread of the timer", Jmx.WORKER),
                Jmx.operation("continue", "Continue every thread of the timer"),
                Jmx.operation("continue", "Continue one thread of the timer", Jmx.WORKER),
                Jmx.operation("set", "Set the interval (interval=10s, interval=100000u) from each thread's next run on",
                        new MBeanParameterInfo("assignment", String.class.getName(), "interval=<value>"))}, null);

    private final RtimerSystem system;
    private final Rtimer timer;

    RtimerMBean(RtimerSystem system, Rtimer timer) {
        this.system = system;
        this.timer = timer;
    }

    private static ArrayType<String[]> stringArray() {
        try {
            return new ArrayType<>(SimpleType.STRING, false);
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private long sum(ToLongFunction<RtimerThread> figure) {
        return timer.threads().stream().mapToLong(figure).sum();
    }

    private long lateness(double percentile) {
        return Lateness.percentile(Lateness.sorted(timer.threads().stream().map(RtimerThread::lateness).toList()),
                percentile) / 1000;
    }

    private String lastError() {
        List<RtimerThread> threads = timer.threads();
        return threads.stream().map(RtimerThread::lastError).filter(e -> e != null).reduce((a, b) -> b).orElse("");
    }

    @Override
    OpenAttributes<RtimerMBean> attributes() {
        return ATTRIBUTES;
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) throws MBeanException, ReflectionException {
        int n = params == null ? 0 : params.length;
        if (action.equals("set") && n == 1 && params[0] instanceof String) {
            return Jmx.call(MBeanNames.text(MBeanNames.RTIMER, timer.name()), "set " + params[0], timer.name(), null,
                    () -> system.set(timer.name(), (String) params[0]));
        }
        boolean pause = action.equals("pause");
        if (!pause && !action.equals("continue") || n > 1 || (n == 1 && !(params[0] instanceof Integer))) {
            throw Jmx.noSuchOperation(action, params, "pause, continue, each with () or (int worker), and"
                    + " set(String assignment)");
        }
        Integer worker = n == 0 ? null : (Integer) params[0];
        return Jmx.call(MBeanNames.text(MBeanNames.RTIMER, timer.name()), action, timer.name(), worker,
                () -> pause ? system.pause(timer.name(), worker) : system.resume(timer.name(), worker));
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return INFO;
    }
}
