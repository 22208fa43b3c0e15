package io.ptimer.agent.jmx;

import io.ptimer.agent.config.Interval;
import io.ptimer.agent.exec.Lateness;
import io.ptimer.agent.exec.LatenessHistogram;
import io.ptimer.agent.ptimer.Listing;
import io.ptimer.agent.ptimer.Phase;
import io.ptimer.agent.ptimer.Ptimer;
import io.ptimer.agent.ptimer.PtimerSystem;
import io.ptimer.agent.ptimer.Request;
import io.ptimer.agent.ptimer.Setting;
import io.ptimer.agent.ptimer.Worker;
import io.ptimer.agent.ptimer.WorkerEvent;
import io.ptimer.agent.ptimer.WorkerFigures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanRegistration;
import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;

/**
 * {@code io.ptimer:type=Timer,name=<timer>}: what {@code ptimer.list} shows of one timer as open
 * types, its counters, the operations {@code pause}, {@code continue}, {@code start}, {@code loop}
 * and {@code end} for all workers or one, and a notification on each worker state change.
 */
final class PtimerMBean extends OpenMBean<PtimerMBean> implements NotificationEmitter, MBeanRegistration {
    /** Notification types are this prefix and the event: {@code io.ptimer.worker.paused}. */
    static final String NOTIFICATION_PREFIX = "io.ptimer.worker.";

    private static final OpenTable<WorkerFigures> WORKERS = new OpenTable<WorkerFigures>()
            .column("worker", SimpleType.INTEGER, "Worker index, 0-based", WorkerFigures::worker)
            .column("pid", SimpleType.LONG, "Operating system thread id of the worker", WorkerFigures::pid)
            .column("interval", SimpleType.STRING, "The worker's interval (its start route may change it)",
                    WorkerFigures::interval)
            .column("ntasks", SimpleType.INTEGER, "Total tasks of this worker's cycle", WorkerFigures::ntasks)
            .column("tasks", SimpleType.INTEGER, "Tasks of the current slice", WorkerFigures::tasks)
            .column("nslices", SimpleType.INTEGER, "Number of slices", WorkerFigures::nslices)
            .column("slice", SimpleType.INTEGER, "Current slice", WorkerFigures::slice)
            .column("paused", SimpleType.BOOLEAN, "Whether the worker is paused (also after its end route)",
                    WorkerFigures::paused)
            .column("route", SimpleType.STRING, "Route the worker is in: start, loop, end, or none after end",
                    WorkerFigures::phase)
            .column("state", SimpleType.STRING,
                    "start, loop or end (running that route), sleeping, paused, ended or stopped", WorkerFigures::state)
            .column("runningForUs", SimpleType.LONG, "How long the running route has been running, in microseconds",
                    WorkerFigures::runningForUs)
            .column("iterations", SimpleType.LONG, "Loop route runs", WorkerFigures::iterations)
            .column("errors", SimpleType.LONG, "Exceptions thrown by the routes", WorkerFigures::errors)
            .column("overruns", SimpleType.LONG, "Sync loops that ran past their next grid point",
                    WorkerFigures::overruns)
            .column("skipped", SimpleType.LONG, "Grid points skipped after overruns (overrun=skip)",
                    WorkerFigures::skipped)
            .column("latenessP50Us", SimpleType.LONG, "Median loop start lateness of the recent loops, in microseconds",
                    WorkerFigures::latenessP50Us)
            .column("latenessP99Us", SimpleType.LONG,
                    "99th percentile loop start lateness of the recent loops, in microseconds",
                    WorkerFigures::latenessP99Us)
            .column("latenessMaxUs", SimpleType.LONG, "Largest loop start lateness of the recent loops, in microseconds",
                    WorkerFigures::latenessMaxUs)
            .column("lastError", SimpleType.STRING, "The last exception thrown by a route, or empty",
                    WorkerFigures::lastError)
            .column("lateLoops", SimpleType.LONG, "Loops since start that began later than the late threshold",
                    WorkerFigures::lateLoops)
            .column("latenessSecondsSum", SimpleType.DOUBLE, "Every loop's start lateness since start, added up,"
                    + " in seconds", WorkerFigures::latenessSecondsSum)
            .column("lastLoopStart", SimpleType.LONG, "When the last loop began, epoch ms; 0 before the first",
                    WorkerFigures::lastLoopStart)
            .column("nextDue", SimpleType.LONG, "When the next loop is due, epoch ms; 0 when none is (paused, ended)",
                    WorkerFigures::nextDue)
            .build("io.ptimer.Worker", "One worker of a timer, as ptimer.list shows it", "io.ptimer.Workers",
                    "The workers of a timer");

    /** The notification type of an operator's {@code set}. */
    static final String SET_NOTIFICATION = "io.ptimer.timer.set";

    /** One bucket of a cumulative lateness histogram: loops that began at most {@code le} seconds late. */
    private record Bucket(int worker, String le, long count) {
    }

    private static final OpenTable<Bucket> BUCKETS = new OpenTable<Bucket>()
            .column("le", SimpleType.STRING, "Upper bound in seconds, as Prometheus's le label; +Inf for all",
                    Bucket::le)
            .column("count", SimpleType.LONG, "Loops since start that began at most le seconds late", Bucket::count)
            .build("io.ptimer.LatenessBucket", "A bucket of the cumulative loop lateness histogram",
                    "io.ptimer.LatenessBuckets", "The cumulative loop lateness histogram of all workers");

    private static final OpenTable<Bucket> WORKER_BUCKETS = new OpenTable<Bucket>()
            .column("worker", SimpleType.INTEGER, "Worker index, 0-based", Bucket::worker)
            .column("le", SimpleType.STRING, "Upper bound in seconds, as Prometheus's le label; +Inf for all",
                    Bucket::le)
            .column("count", SimpleType.LONG, "Loops since start that began at most le seconds late", Bucket::count)
            .build("io.ptimer.WorkerLatenessBucket", "A bucket of one worker's cumulative loop lateness histogram",
                    "io.ptimer.WorkerLatenessBuckets", "The cumulative loop lateness histogram of each worker", 2);

    static final CompositeType EVENT;
    static final CompositeType SET;

    static {
        try {
            EVENT = new CompositeType("io.ptimer.WorkerEvent", "A worker state change",
                    new String[] {"timer", "worker", "event"},
                    new String[] {"Timer name", "Worker index", "start, loop, end, paused or resumed"},
                    new OpenType<?>[] {SimpleType.STRING, SimpleType.INTEGER, SimpleType.STRING});
            SET = new CompositeType("io.ptimer.SettingChange", "An operator's set",
                    new String[] {"timer", "worker", "attribute", "value"},
                    new String[] {"Timer name", "Worker index, or -1 for the whole timer", "interval, ntasks or nslices",
                        "The new value, as written in the configuration"},
                    new OpenType<?>[] {SimpleType.STRING, SimpleType.INTEGER, SimpleType.STRING, SimpleType.STRING});
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final OpenAttributes<PtimerMBean> ATTRIBUTES = new OpenAttributes<PtimerMBean>()
            .add("name", SimpleType.STRING, "Timer name", m -> m.timer.name())
            .add("type", SimpleType.INTEGER, "Timer type: 0 basic, 1 sync, 2 slice, 3 synced slice",
                    m -> m.timer.spec().type().code())
            .add("typeName", SimpleType.STRING, "Timer type: basic, sync, slice or synced_slice",
                    m -> Listing.typeName(m.timer.spec().type()))
            .add("interval", SimpleType.STRING, "Interval in force (configured, or as last set), e.g. 100ms",
                    m -> Interval.format(m.timer.settings().intervalNanos()))
            .add("intervalUs", SimpleType.LONG, "Interval in force in microseconds",
                    m -> m.timer.settings().intervalNanos() / 1000)
            .add("nworkers", SimpleType.INTEGER, "Number of workers", m -> m.timer.spec().nworkers())
            .add("ntasks", SimpleType.INTEGER, "Total tasks in force (configured, or as last set)",
                    m -> m.timer.settings().ntasks())
            .add("nslices", SimpleType.INTEGER, "Number of slices in force (configured, or as last set)",
                    m -> m.timer.settings().nslices())
            .add("startRoute", SimpleType.STRING, "Start route as configured, or -",
                    m -> Listing.route(m.timer.spec(), Phase.START))
            .add("loopRoute", SimpleType.STRING, "Loop route as configured",
                    m -> Listing.route(m.timer.spec(), Phase.LOOP))
            .add("endRoute", SimpleType.STRING, "End route as configured, or -",
                    m -> Listing.route(m.timer.spec(), Phase.END))
            .add("status", SimpleType.STRING, "running, waiting for its route classes, or failed: the reason",
                    m -> m.timer.status().toString())
            .add("workers", WORKERS.tableType(), "The workers, one row each, as ptimer.list shows them",
                    m -> WORKERS.table(m.timer.workers().stream().map(WorkerFigures::of).toList()))
            .add("pausedWorkers", SimpleType.INTEGER, "How many workers are paused",
                    m -> (int) m.timer.workers().stream().filter(Worker::paused).count())
            .add("iterations", SimpleType.LONG, "Loop route runs of all workers", m -> m.sum(Worker::iterations))
            .add("errors", SimpleType.LONG, "Exceptions thrown by the routes of all workers", m -> m.sum(Worker::errors))
            .add("overruns", SimpleType.LONG, "Sync overruns of all workers", m -> m.sum(Worker::overruns))
            .add("overrun", SimpleType.STRING, "What a sync worker does after an overrun: reanchor or skip",
                    m -> m.timer.spec().overrun().name().toLowerCase(Locale.ROOT))
            .add("skipped", SimpleType.LONG, "Grid points skipped after overruns by all workers (overrun=skip)",
                    m -> m.sum(Worker::skipped))
            .add("latenessP50Us", SimpleType.LONG,
                    "Median loop start lateness over all workers' recent loops, in microseconds", m -> m.lateness(50))
            .add("latenessP99Us", SimpleType.LONG,
                    "99th percentile loop start lateness over all workers' recent loops, in microseconds",
                    m -> m.lateness(99))
            .add("latenessMaxUs", SimpleType.LONG,
                    "Largest loop start lateness over all workers' recent loops, in microseconds", m -> m.lateness(100))
            .add("lateLoops", SimpleType.LONG, "Loops of all workers since start that began later than the late"
                    + " threshold (jfr_late)", m -> m.sum(Worker::lateLoops))
            .add("latenessSecondsSum", SimpleType.DOUBLE, "Every loop's start lateness since start, all workers,"
                    + " added up, in seconds", m -> m.sum(w -> w.histogram().sumNanos()) / 1e9)
            .add("latenessSecondsCount", SimpleType.LONG, "Loops of all workers since start (the histogram's count)",
                    m -> m.sum(Worker::iterations))
            .add("latenessBuckets", BUCKETS.tableType(), "Cumulative histogram of loop start lateness since start,"
                    + " all workers: one row per bound, as Prometheus's le", PtimerMBean::buckets)
            .add("workerLatenessBuckets", WORKER_BUCKETS.tableType(), "The same histogram per worker: one row per"
                    + " worker and bound", PtimerMBean::workerBuckets);

    private final PtimerSystem system;
    private final Ptimer timer;
    private final MBeanInfo info;
    private final NotificationBroadcasterSupport broadcaster;
    private final List<Object[]> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile ObjectName objectName;

    PtimerMBean(PtimerSystem system, Ptimer timer, Executor notifier) {
        this.system = system;
        this.timer = timer;
        this.info = info(timer.name());
        this.broadcaster = new NotificationBroadcasterSupport(notifier, info.getNotifications());
    }

    private static final MBeanOperationInfo[] OPERATIONS = operations();
    private static final MBeanNotificationInfo[] NOTIFICATIONS = notifications();

    private static MBeanInfo info(String name) {
        return new MBeanInfo(PtimerMBean.class.getName(), "ptimer timer \"" + name
                + "\": its configuration, workers and counters; pause, continue, start, loop, end; set",
                ATTRIBUTES.infos(), null, OPERATIONS, NOTIFICATIONS);
    }

    private static MBeanOperationInfo[] operations() {
        List<MBeanOperationInfo> operations = new ArrayList<>();
        for (Request r : Request.all()) {
            operations.add(Jmx.operation(r.command(), r.description() + ", for all workers"));
            operations.add(Jmx.operation(r.command(), r.description() + ", for one worker", Jmx.WORKER));
        }
        operations.add(Jmx.operation("set", Jmx.SET + ", for all workers", Jmx.ASSIGNMENT));
        operations.add(Jmx.operation("set", Jmx.SET + ", for one worker", Jmx.ASSIGNMENT, Jmx.WORKER));
        return operations.toArray(MBeanOperationInfo[]::new);
    }

    private static MBeanNotificationInfo[] notifications() {
        String[] types = Arrays.stream(WorkerEvent.values()).map(e -> NOTIFICATION_PREFIX + e.key()).toArray(String[]::new);
        MBeanNotificationInfo notifications = new MBeanNotificationInfo(types, Notification.class.getName(),
                "A worker changed state: start, loop or end route entered, paused, or resumed");
        MBeanNotificationInfo sets = new MBeanNotificationInfo(new String[] {SET_NOTIFICATION},
                Notification.class.getName(), "An operator set the interval, ntasks or nslices of the timer or a worker");
        return new MBeanNotificationInfo[] {notifications, sets};
    }

    private long sum(ToLongFunction<Worker> figure) {
        return timer.workers().stream().mapToLong(figure).sum();
    }

    private TabularData buckets() {
        long[] counts = LatenessHistogram.cumulative(timer.workers().stream().map(Worker::histogram).toList());
        List<String> bounds = LatenessHistogram.bounds();
        List<Bucket> rows = new ArrayList<>(bounds.size());
        for (int i = 0; i < bounds.size(); i++) {
            rows.add(new Bucket(-1, bounds.get(i), counts[i]));
        }
        return BUCKETS.table(rows);
    }

    private TabularData workerBuckets() {
        List<String> bounds = LatenessHistogram.bounds();
        List<Bucket> rows = new ArrayList<>();
        for (Worker w : timer.workers()) {
            long[] counts = LatenessHistogram.cumulative(List.of(w.histogram()));
            for (int i = 0; i < bounds.size(); i++) {
                rows.add(new Bucket(w.index(), bounds.get(i), counts[i]));
            }
        }
        return WORKER_BUCKETS.table(rows);
    }

    private long lateness(double percentile) {
        long[] all = Lateness.sorted(timer.workers().stream().map(Worker::lateness).toList());
        return Lateness.percentile(all, percentile) / 1000;
    }

    @Override
    OpenAttributes<PtimerMBean> attributes() {
        return ATTRIBUTES;
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) throws MBeanException, ReflectionException {
        Request request = Request.of(action);
        int n = params == null ? 0 : params.length;
        if (action.equals("set") && (n == 1 || n == 2) && params[0] instanceof String
                && (n == 1 || params[1] instanceof Integer)) {
            Integer worker = n == 1 ? null : (Integer) params[1];
            return Jmx.call(String.valueOf(objectName), "set " + params[0], timer.name(), worker,
                    () -> system.set(timer.name(), (String) params[0], worker));
        }
        if (request == null || n > 1 || (n == 1 && !(params[0] instanceof Integer))) {
            throw Jmx.noSuchOperation(action, params, "pause, continue, start, loop, end, each with () or (int worker),"
                    + " and set with (String assignment) or (String assignment, int worker)");
        }
        Integer worker = n == 0 ? null : (Integer) params[0];
        return Jmx.call(String.valueOf(objectName), request.command(), timer.name(), worker,
                () -> system.request(request, timer.name(), worker));
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }

    /** Sends a notification for a worker event; called on the worker's thread while anyone listens. */
    private void changed(Worker worker, WorkerEvent change) {
        String event = change.key();
        Notification n = new Notification(NOTIFICATION_PREFIX + event, objectName, sequence.incrementAndGet(),
                "timer \"" + timer.name() + "\" worker " + worker.index() + ": " + event);
        try {
            n.setUserData(new CompositeDataSupport(EVENT, new String[] {"timer", "worker", "event"},
                    new Object[] {timer.name(), worker.index(), event}));
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
        broadcaster.sendNotification(n);
    }

    /** Sends a notification for an operator's set; called on the operator's thread while anyone listens. */
    private void set(Ptimer source, Integer worker, Setting.Change change) {
        String whom = worker == null ? "" : " worker " + worker;
        Notification n = new Notification(SET_NOTIFICATION, objectName, sequence.incrementAndGet(),
                "timer \"" + timer.name() + "\"" + whom + ": set " + change);
        try {
            n.setUserData(new CompositeDataSupport(SET, new String[] {"timer", "worker", "attribute", "value"},
                    new Object[] {timer.name(), worker == null ? Integer.valueOf(-1) : worker, change.setting().key(), change.valueText()}));
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
        broadcaster.sendNotification(n);
    }

    private void listening() {
        timer.listener(subscriptions.isEmpty() ? null : this::changed);
        timer.settingListener(subscriptions.isEmpty() ? null : this::set);
    }

    @Override
    public void addNotificationListener(NotificationListener listener, NotificationFilter filter, Object handback) {
        broadcaster.addNotificationListener(listener, filter, handback);
        subscriptions.add(new Object[] {listener, filter, handback});
        listening();
    }

    @Override
    public void removeNotificationListener(NotificationListener listener) throws ListenerNotFoundException {
        broadcaster.removeNotificationListener(listener);
        subscriptions.removeIf(s -> s[0] == listener);
        listening();
    }

    @Override
    public void removeNotificationListener(NotificationListener listener, NotificationFilter filter, Object handback)
            throws ListenerNotFoundException {
        broadcaster.removeNotificationListener(listener, filter, handback);
        for (Object[] s : subscriptions) {
            if (s[0] == listener && s[1] == filter && s[2] == handback) {
                subscriptions.remove(s);
                break;
            }
        }
        listening();
    }

    @Override
    public MBeanNotificationInfo[] getNotificationInfo() {
        return info.getNotifications();
    }

    @Override
    public ObjectName preRegister(MBeanServer server, ObjectName name) {
        objectName = name;
        return name;
    }

    @Override
    public void postRegister(Boolean registrationDone) {
    }

    @Override
    public void preDeregister() {
    }

    @Override
    public void postDeregister() {
        subscriptions.clear();
        listening();
    }
}
