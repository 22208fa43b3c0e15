package io.ptimer.agent.async;

import io.ptimer.agent.binding.Binding;
import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.LateBinding;
import io.ptimer.agent.binding.RouteShape;
import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.exec.Lateness;
import io.ptimer.agent.exec.Precision;
import io.ptimer.agent.jfr.Flight;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kamailio's async module in this JVM: delayed routes and sleeps on the {@code async-timer-<i>}
 * lanes (made at the first delayed call), task groups on task pools, and type/key/value events.
 * Every call checks what it is given and fails at once, queuing nothing, when it cannot be run.
 *
 * <p>Threading: configuration ({@link #prepare}, its start) and making the lanes run under this
 * object's monitor; the calls from routes read only volatile fields, which hold immutable values
 * (an array of lanes, a map of groups replaced whole), and hand work to a lane's or a pool's queue.
 */
public final class AsyncSystem {
    private final LateBinding loaded;
    private final Routes routes;
    private final Routes events;
    private final AtomicInteger next = new AtomicInteger();
    private volatile Map<String, TaskGroup> groups = Map.of();
    private volatile AsyncTimer[] timers;
    private int timerCount = 1;
    private Precision precision = Precision.HYBRID;
    private volatile boolean configured;
    private volatile String tkvGroup;
    private volatile RouteSpec tkvSpec;
    private volatile BoundRoute tkvRoute;
    private volatile boolean shuttingDown;
    /** Does nothing, as a class rather than a lambda: the system is prepared and begun before main. */
    private static final Runnable NOTHING = new Runnable() {
        @Override
        public void run() {
        }
    };
    private volatile Runnable changed = NOTHING;

    /** @param loaded where classes the application loaded are found, for routes named at run time */
    public AsyncSystem(LateBinding loaded) {
        this.loaded = loaded;
        this.routes = new Routes(RouteShape.ASYNC, loaded);
        this.events = new Routes(RouteShape.TKV, loaded);
    }

    /**
     * Checks a configuration against what runs already and binds the event route if its class is
     * visible; starts nothing.
     *
     * @return what starts the configured groups, to run once every system is checked
     * @throws ConfigException naming the entry; nothing changes then
     */
    public synchronized Runnable prepare(AsyncConfig config) throws ConfigException {
        AsyncSpec spec = config.spec();
        if (!spec.configured()) {
            return NOTHING;
        }
        if (spec.precision() != null && timers != null && spec.precision() != precision) {
            throw ConfigException.entry("async.precision", spec.precision().name().toLowerCase(java.util.Locale.ROOT),
                    "the async timer threads run already with precision " + precision.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (spec.timers() > 0 && timers != null && spec.timers() != timers.length) {
            throw ConfigException.entry("async.workers", String.valueOf(spec.timers()), "the " + timers.length
                    + " async timer thread(s) run already; their number cannot change");
        }
        List<TaskGroup> added = new ArrayList<>();
        for (GroupSpec g : spec.groups()) {
            if (groups.containsKey(g.name())) {
                throw ConfigException.entry(g.name().equals(GroupSpec.DEFAULT) ? "async_workers"
                        : "async_workers_group", g.entry(), "async group \"" + g.name() + "\" runs already in this JVM");
            }
            added.add(new TaskGroup(g));
        }
        BoundRoute tkv = spec.tkvRoute() == null ? null : bindNow(spec.tkvRoute());
        return new Runnable() {
            @Override
            public void run() {
                begin(spec, added, tkv);
            }
        };
    }

    private BoundRoute bindNow(RouteSpec spec) throws ConfigException {
        if (events.visible(spec)) {
            return events.bind(spec);
        }
        Binding.checkPackageElsewhere(spec);
        return null;
    }

    private synchronized void begin(AsyncSpec spec, List<TaskGroup> added, BoundRoute tkv) {
        configured = true;
        if (spec.timers() > 0) {
            timerCount = spec.timers();
        }
        if (spec.precision() != null) {
            precision = spec.precision();
        }
        Map<String, TaskGroup> more = new LinkedHashMap<>(groups);
        for (TaskGroup g : added) {
            more.put(g.name(), g);
            g.start();
        }
        groups = more;
        if (spec.tkvGroup() != null) {
            tkvGroup = spec.tkvGroup();
        }
        if (spec.tkvRoute() != null) {
            tkvSpec = spec.tkvRoute();
            tkvRoute = tkv;
        }
        for (String note : spec.notes()) {
            System.err.println(note);
        }
        changed.run();
    }

    /**
     * Runs {@code route} on an async timer thread {@code delayNanos} from now.
     *
     * @throws IllegalArgumentException for a route that cannot be called
     * @throws IllegalStateException    when the JVM is shutting down
     */
    public void route(String route, long delayNanos) {
        long due = System.nanoTime() + delayNanos;
        BoundRoute bound = routes.get(route);
        AsyncTimer timer = timer();
        timer.at(due, Call.delayed(route, bound, timer));
    }

    /** A future completed on an async timer thread {@code delayNanos} from now. @throws IllegalStateException when the JVM is shutting down */
    public CompletableFuture<Void> sleep(long delayNanos) {
        long due = System.nanoTime() + delayNanos;
        return timer().sleep(due);
    }

    /**
     * Queues {@code route} on a task group.
     *
     * @param group the group's name; {@code null} for {@value GroupSpec#DEFAULT}
     * @param data  what the route's context gives as {@code data()}, or {@code null}
     * @throws IllegalArgumentException for an unknown group or a route that cannot be called
     * @throws IllegalStateException    when the group is full and non-blocking, or the JVM is shutting down
     */
    public void task(String route, String group, String data) {
        TaskGroup g = group(group == null ? GroupSpec.DEFAULT : group);
        BoundRoute bound = routes.get(route);
        g.submit(Call.task(route, bound, g, data));
    }

    /**
     * Queues a type/key/value event for the event route on the tkv group.
     *
     * @throws IllegalStateException    when no tkv group or event route is configured, the group is full and
     *                                  non-blocking, or the JVM is shutting down
     * @throws IllegalArgumentException when the event route cannot be called
     */
    public void tkvEmit(int type, String key, String value) {
        String groupName = tkvGroup;
        RouteSpec spec = tkvSpec;
        if (groupName == null || spec == null) {
            throw new IllegalStateException("async tkv events need async_tkv_gname and async_tkv_evcb in the"
                    + " configuration (" + (groupName == null ? "no async_tkv_gname" : "async_tkv_gname=" + groupName)
                    + ", " + (spec == null ? "no async_tkv_evcb" : "async_tkv_evcb=" + spec.display())
                    + "); event " + type + " / " + key + " not queued");
        }
        BoundRoute route = tkvRoute;
        if (route == null) {
            route = events.get(spec.display());
            tkvRoute = route;
        }
        TaskGroup g = group(groupName);
        g.submit(new Event(type, key, value, g, route));
    }

    private TaskGroup group(String name) {
        TaskGroup g = groups.get(name);
        return g != null ? g : missingGroup(name);
    }

    private TaskGroup missingGroup(String name) {
        TaskGroup g = name.equals(GroupSpec.DEFAULT) ? defaultGroup() : null;
        if (g == null) {
            throw new IllegalArgumentException("unknown async group \"" + name + "\" (groups: "
                    + (groups.isEmpty() ? "none configured; async_workers makes the group default"
                    : String.join(", ", groups.keySet())) + ")");
        }
        return g;
    }

    /** The group {@value GroupSpec#DEFAULT} with one worker, made at its first use when not configured. */
    private synchronized TaskGroup defaultGroup() {
        checkRunning();
        TaskGroup g = groups.get(GroupSpec.DEFAULT);
        if (g == null) {
            g = new TaskGroup(GroupSpec.byDefault(1));
            Map<String, TaskGroup> more = new LinkedHashMap<>(groups);
            more.put(g.name(), g);
            g.start();
            groups = more;
            changed.run();
        }
        return g;
    }

    private AsyncTimer timer() {
        AsyncTimer[] t = timers;
        if (t == null || shuttingDown) {
            t = startTimers();
        }
        return t.length == 1 ? t[0] : t[Math.floorMod(next.getAndIncrement(), t.length)];
    }

    private synchronized AsyncTimer[] startTimers() {
        checkRunning();
        if (timers == null) {
            AsyncTimer[] t = new AsyncTimer[timerCount];
            for (int i = 0; i < t.length; i++) {
                t[i] = new AsyncTimer(i, precision);
                t[i].start();
            }
            timers = t;
            changed.run();
        }
        return timers;
    }

    private void checkRunning() {
        if (shuttingDown) {
            throw new IllegalStateException("the JVM is shutting down; async calls are not taken");
        }
    }

    /** Whether async is configured or has been used: only then does it show in listings and JMX. */
    public boolean active() {
        return configured || timers != null || !groups.isEmpty();
    }

    /** Called after each change operators may see (a group or the timer threads made); {@code null} for none. */
    public void onChange(Runnable hook) {
        changed = hook == null ? NOTHING : hook;
    }

    /** The task groups, in the order made. */
    public List<TaskGroup> groups() {
        return new ArrayList<>(groups.values());
    }

    /** The number of async timer threads, made or to be made. */
    public synchronized int timerThreads() {
        return timers == null ? timerCount : timers.length;
    }

    /** Delayed routes and sleeps not yet run. */
    public long pending() {
        long n = 0;
        for (AsyncTimer t : timerList()) {
            n += t.pending();
        }
        return n;
    }

    /** Delayed routes and sleeps run. */
    public long runs() {
        long n = 0;
        for (AsyncTimer t : timerList()) {
            n += t.runs();
        }
        return n;
    }

    /** Exceptions thrown by delayed routes. */
    public long errors() {
        long n = 0;
        for (AsyncTimer t : timerList()) {
            n += t.errors();
        }
        return n;
    }

    /** The recent latenesses of delayed routes and sleeps, in ns, sorted ascending. */
    public long[] lateness() {
        return Lateness.sorted(timerList().stream().map(AsyncTimer::lateness).toList());
    }

    private List<AsyncTimer> timerList() {
        AsyncTimer[] t = timers;
        return t == null ? List.of() : List.of(t);
    }

    /** The text of {@code async.list}. */
    public String list() {
        return AsyncListing.of(this, tkvGroup, tkvSpec);
    }

    /** Takes no more calls, lets the groups run what is queued until {@code deadline} (nanoTime), stops the timers. */
    public synchronized void shutdown(long deadline) {
        shuttingDown = true;
        groups.values().forEach(g -> g.close(deadline));
        timerList().forEach(AsyncTimer::stop);
    }

    /**
     * Waits for the threads to end, at most until {@code deadline} (nanoTime), and says on stderr how
     * many delayed routes were dropped and how many queued tasks did not run.
     */
    public void awaitStop(long deadline) throws InterruptedException {
        long dropped = 0;
        for (AsyncTimer t : timerList()) {
            if (t.thread() != Thread.currentThread()) {
                t.awaitStop(deadline);
            }
            dropped += t.pending();
        }
        if (dropped > 0) {
            Flight.dropped("delayed routes not yet due", dropped);
            System.err.println("ptimer: async: " + dropped + " delayed route" + (dropped == 1 ? "" : "s")
                    + " not yet due dropped at shutdown");
        }
        for (TaskGroup g : groups.values()) {
            if (!g.awaitStop(deadline) || g.queued() > 0) {
                Flight.dropped("queued tasks of async group \"" + g.name() + "\"", g.queued());
                System.err.println("ptimer: async group \"" + g.name() + "\": " + g.queued()
                        + " queued task(s) not run within the shutdown timeout");
            }
        }
    }
}
