package io.ptimer.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * All timers of this JVM: loads configurations, binds routes, starts workers, forwards control
 * requests, and runs end routes at shutdown. One per JVM, shared by premain and every attach.
 */
final class Engine {
    private static Engine instance;

    private final Instrumentation inst;
    private final LateBinding lateBinding;
    private final Map<String, Timer> timers = new LinkedHashMap<>();
    private volatile long shutdownTimeoutNanos = TimeUnit.SECONDS.toNanos(5);
    private boolean hookInstalled;
    private volatile boolean shuttingDown;

    private Engine(Instrumentation inst) {
        this.inst = inst;
        this.lateBinding = new LateBinding(inst);
    }

    /** The engine of this JVM, made on first use. */
    static synchronized Engine get(Instrumentation inst) {
        if (instance == null) {
            instance = new Engine(inst);
        }
        return instance;
    }

    /**
     * Checks and binds every timer of {@code config}, then starts them; on any error nothing is
     * started and nothing changes.
     *
     * @throws ConfigException naming the entry and what is wrong
     */
    synchronized void load(Config config) throws ConfigException {
        for (TimerSpec spec : config.timers()) {
            if (timers.containsKey(spec.name())) {
                throw ConfigException.entry("timer", spec.entry(), "timer \"" + spec.name()
                        + "\" is already loaded in this JVM");
            }
        }
        Map<String, Class<?>> visible = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (TimerSpec spec : config.timers()) {
            for (RouteSpec route : routesOf(spec)) {
                String name = route.className();
                if (!visible.containsKey(name) && !missing.contains(name)) {
                    Class<?> type = find(name);
                    if (type != null) {
                        visible.put(name, type);
                    } else {
                        missing.add(name);
                    }
                }
            }
        }
        List<Runnable> starts = new ArrayList<>();
        for (TimerSpec spec : config.timers()) {
            Timer timer = new Timer(spec);
            Map<RouteKind, BoundRoute> bound = new EnumMap<>(RouteKind.class);
            List<RouteSpec> late = new ArrayList<>();
            for (RouteSpec route : routesOf(spec)) {
                Class<?> type = visible.get(route.className());
                if (type != null) {
                    bound.put(route.kind(), RouteBinder.bind(route, type));
                } else {
                    checkLateBinding(route, config.lateBinding());
                    late.add(route);
                }
            }
            starts.add(() -> begin(timer, bound, late));
        }
        shutdownTimeoutNanos = config.shutdownTimeoutNanos();
        installShutdownHook();
        starts.forEach(Runnable::run);
    }

    /**
     * A class the system class loader cannot see may be loaded later by another loader, unless its
     * package is on the class path (then the name is wrong) or late binding is off.
     */
    private static void checkLateBinding(RouteSpec route, boolean allowed) throws ConfigException {
        String name = route.className();
        if (!allowed) {
            throw new ConfigException(route.entry() + ": class " + name
                    + " is not visible to the system class loader (late_binding=0)");
        }
        int dot = name.lastIndexOf('.');
        String dir = dot < 0 ? "" : name.substring(0, dot).replace('.', '/') + "/";
        if (ClassLoader.getSystemResource(dir) != null) {
            throw new ConfigException(route.entry() + ": class " + name + " not found (its package "
                    + (dot < 0 ? "(default)" : name.substring(0, dot)) + " is on the class path)");
        }
    }

    private Class<?> find(String name) {
        try {
            return Class.forName(name, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return lateBinding.alreadyLoaded(name);
        }
    }

    private void begin(Timer timer, Map<RouteKind, BoundRoute> bound, List<RouteSpec> late) {
        timers.put(timer.name(), timer);
        if (late.isEmpty()) {
            timer.start(routes(bound));
            return;
        }
        timer.waitFor(describe(late));
        System.err.println("ptimer: timer \"" + timer.name() + "\" waits for " + describe(late)
                + " by the application (not on the class path); it starts then");
        for (RouteSpec route : late) {
            lateBinding.await(route.className(), type -> bindLate(timer, bound, route, type));
        }
    }

    private void bindLate(Timer timer, Map<RouteKind, BoundRoute> bound, RouteSpec route, Class<?> type) {
        synchronized (bound) {
            if (timer.status().startsWith("failed")) {
                return;
            }
            try {
                bound.put(route.kind(), RouteBinder.bind(route, type));
            } catch (ConfigException e) {
                timer.fail(e.getMessage());
                Log.error("ptimer: " + e.getMessage() + "; timer \"" + timer.name() + "\" does not start", null);
                return;
            }
            if (bound.size() < routesOf(timer.spec()).size()) {
                List<RouteSpec> still = new ArrayList<>();
                for (RouteSpec r : routesOf(timer.spec())) {
                    if (!bound.containsKey(r.kind())) {
                        still.add(r);
                    }
                }
                timer.waitFor(describe(still));
                return;
            }
            if (!shuttingDown) {
                timer.start(routes(bound));
            }
        }
    }

    private static String describe(List<RouteSpec> late) {
        Set<String> names = new LinkedHashSet<>();
        late.forEach(r -> names.add(r.className()));
        return "class " + String.join(", ", names) + " to be loaded";
    }

    private static Routes routes(Map<RouteKind, BoundRoute> bound) {
        return new Routes(bound.get(RouteKind.START), bound.get(RouteKind.LOOP), bound.get(RouteKind.END));
    }

    private static List<RouteSpec> routesOf(TimerSpec spec) {
        List<RouteSpec> list = new ArrayList<>(3);
        for (RouteKind kind : RouteKind.values()) {
            if (spec.route(kind) != null) {
                list.add(spec.route(kind));
            }
        }
        return list;
    }

    /** The timers, in the order they were loaded. */
    synchronized List<Timer> timers() {
        return new ArrayList<>(timers.values());
    }

    /**
     * The timer with that name.
     *
     * @throws IllegalArgumentException naming it and the timers that exist
     */
    synchronized Timer timer(String name) {
        Timer timer = name == null ? null : timers.get(name);
        if (timer == null) {
            throw new IllegalArgumentException("unknown timer \"" + name + "\" (timers: "
                    + (timers.isEmpty() ? "none" : String.join(", ", timers.keySet())) + ")");
        }
        return timer;
    }

    /**
     * Sends a request to every worker of a timer, or to one when {@code worker} is not null.
     *
     * @return a line saying what was asked of whom
     * @throws IllegalArgumentException for an unknown timer or worker; nothing is sent then
     */
    String request(Request request, String timerName, Integer worker) {
        Timer timer = timer(timerName);
        if (shuttingDown) {
            throw new IllegalStateException("the JVM is shutting down; timer \"" + timerName + "\" takes no requests");
        }
        if (worker != null) {
            timer.worker(worker).request(request);
            return request.command() + " sent to timer \"" + timerName + "\" worker " + worker;
        }
        List<Worker> workers = timer.checkRunning();
        workers.forEach(w -> w.request(request));
        return request.command() + " sent to timer \"" + timerName + "\" (" + workers.size() + " worker"
                + (workers.size() == 1 ? "" : "s") + ")";
    }

    private void installShutdownHook() {
        if (!hookInstalled) {
            hookInstalled = true;
            Thread hook = new Thread(this::shutdown, "ptimer-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** Lets every worker that is within a cycle run its end route, waiting at most the shutdown timeout in all. */
    void shutdown() {
        shuttingDown = true;
        List<Worker> all = new ArrayList<>();
        for (Timer t : timers()) {
            all.addAll(t.workers());
        }
        all.forEach(Worker::shutdown);
        long deadline = System.nanoTime() + shutdownTimeoutNanos;
        List<String> late = new ArrayList<>();
        for (Worker w : all) {
            try {
                if (w.thread() != Thread.currentThread() && !w.awaitStop(deadline)) {
                    late.add(w.thread().getName() + " (in " + w.state() + ")");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!late.isEmpty()) {
            System.err.println("ptimer: shutdown timeout " + Interval.format(shutdownTimeoutNanos)
                    + " reached; workers still running: " + String.join(", ", late));
        }
    }
}
