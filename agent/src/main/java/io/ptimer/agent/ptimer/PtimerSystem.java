package io.ptimer.agent.ptimer;

import io.ptimer.agent.binding.Binding;
import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.BoundTimers;
import io.ptimer.agent.binding.InstalledFactory;
import io.ptimer.agent.binding.LateBinding;
import io.ptimer.agent.cluster.Cluster;
import io.ptimer.agent.cluster.ClusterSpec;
import io.ptimer.agent.config.ConfigException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ptimer timers of this JVM: loads them, forwards operators' requests to their workers, and
 * lets every worker within a cycle run its end route when the JVM shuts down. Thread-safe.
 */
public final class PtimerSystem {
    /** What a timer with {@code factory=required} waits for, in its status and on stderr. */
    private static final String FACTORY = "the application to install its route factory (io.ptimer.api.RouteFactories.install)";
    /** How long the workers of a timer whose classes went away may take to run their end routes. */
    private static final long UNBIND_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Thread-safe. */
    private final LateBinding lateBinding;
    /** Thread-safe. */
    private final BoundTimers<Ptimer> timers;
    /** The cluster loaded in this JVM, or {@code null}; at most one. Written by a plan's start, read by anyone. */
    private volatile Cluster cluster;
    /** Set once by {@link #shutdown}, read by anyone. */
    private volatile boolean shuttingDown;

    /** The ptimer system of an engine, whose route classes are found through {@code lateBinding}. */
    public PtimerSystem(LateBinding lateBinding) {
        this.lateBinding = lateBinding;
        this.timers = new BoundTimers<>("timer", "timer", lateBinding, new Lifecycle());
    }

    /**
     * Checks every timer and binds the routes whose classes are visible; starts nothing.
     *
     * @param lateAllowed whether a route class outside the class path may be bound when loaded
     * @param clusterSpec the {@code cluster} entry, or {@code null}: its jar is loaded here, its node
     *                    started with the timers
     * @return what starts the timers, to run once every system of the configuration is checked
     * @throws ConfigException naming the entry; nothing changes then
     */
    public synchronized Runnable prepare(List<PtimerSpec> specs, boolean lateAllowed, ClusterSpec clusterSpec)
            throws ConfigException {
        for (PtimerSpec spec : specs) {
            timers.checkNew(spec.name(), spec.entry());
        }
        if (clusterSpec != null && cluster != null) {
            throw ConfigException.entry("cluster", clusterSpec.entry(), "cluster \"" + cluster.spec().name()
                    + "\" is loaded in this JVM already: one per JVM");
        }
        Cluster loaded = clusterSpec == null ? null : Cluster.load(clusterSpec);
        List<Ptimer> configured = new ArrayList<>();
        for (PtimerSpec spec : specs) {
            configured.add(new Ptimer(spec, spec.cluster() == null ? null : loaded));
        }
        Runnable begin = timers.prepare(configured, lateAllowed);
        return new Runnable() {
            @Override
            public void run() {
                if (loaded != null) {
                    cluster = loaded;
                    loaded.start();
                }
                begin.run();
            }
        };
    }

    /** A timer starts once its routes are bound and, with {@code factory=required}, the route factory is installed. */
    private final class Lifecycle implements BoundTimers.Lifecycle<Ptimer> {
        @Override
        public void registered(Ptimer timer, Binding binding) {
            timer.bindWith(binding);
        }

        @Override
        public void bound(Ptimer timer, List<BoundRoute> routes) {
            if (!timer.spec().factoryRequired() || factoryInstalled(routes)) {
                start(timer, routes);
                return;
            }
            timer.waitingFor(FACTORY);
            System.err.println("ptimer: timer \"" + timer.name() + "\" waits for " + FACTORY + "; it starts then");
            int generation = timer.generation();
            lateBinding.when(() -> generation != timer.generation() || shuttingDown || factoryInstalled(routes),
                    () -> {
                        if (generation == timer.generation()) {
                            start(timer, routes);
                        }
                    });
        }

        @Override
        public void failed(Ptimer timer, String reason) {
            timer.fail(reason);
        }

        @Override
        public void unbound(Ptimer timer, Binding binding) {
            timer.unbind(UNBIND_TIMEOUT_NANOS);
        }
    }

    private void start(Ptimer timer, List<BoundRoute> routes) {
        if (!shuttingDown) {
            timer.start(byPhase(timer.spec(), routes));
        }
    }

    /** Whether the application installed a route factory where the class of each route looks for one. */
    private static boolean factoryInstalled(List<BoundRoute> routes) {
        for (BoundRoute r : routes) {
            if (InstalledFactory.of(r.owner()) == null) {
                return false;
            }
        }
        return true;
    }

    private static Map<Phase, BoundRoute> byPhase(PtimerSpec spec, List<BoundRoute> routes) {
        Map<Phase, BoundRoute> map = new EnumMap<>(Phase.class);
        List<Phase> phases = new ArrayList<>(spec.routes().keySet());
        for (int i = 0; i < phases.size(); i++) {
            map.put(phases.get(i), routes.get(i));
        }
        return map;
    }

    /** The timers, in the order they were loaded. */
    public List<Ptimer> timers() {
        return timers.all();
    }

    /**
     * The timer with that name.
     *
     * @throws IllegalArgumentException naming it and the timers that exist
     */
    public Ptimer timer(String name) {
        return timers.get(name);
    }

    /**
     * Sends a request to every worker of a timer, or to one when {@code worker} is not null.
     *
     * @return a line saying what was asked of whom
     * @throws IllegalArgumentException for an unknown timer or worker; nothing is sent then
     */
    public String request(Request request, String timerName, Integer worker) {
        Ptimer timer = takingRequests(timerName);
        if (worker != null) {
            timer.worker(worker).request(request);
            return request.command() + " sent to timer \"" + timerName + "\" worker " + worker;
        }
        List<Worker> workers = timer.checkRunning();
        workers.forEach(w -> w.request(request));
        return request.command() + " sent to timer \"" + timerName + "\" (" + workers.size() + " worker"
                + (workers.size() == 1 ? "" : "s") + ")";
    }

    /**
     * Changes a timer's interval, ntasks or nslices, for every worker or one, from each worker's
     * next loop on and for its later starts.
     *
     * @param assignment {@code attribute=value}, e.g. {@code ntasks=1500}
     * @return a line saying what was set on whom
     * @throws IllegalArgumentException for an unknown timer or worker, or an attribute or value not
     *                                  allowed, naming what is; nothing changes then
     */
    public String set(String timerName, String assignment, Integer worker) {
        Ptimer timer = takingRequests(timerName);
        Setting.Change change;
        try {
            change = Setting.parse(assignment);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("timer \"" + timerName + "\": " + e.getMessage() + "; nothing changed");
        }
        return timer.set(change, worker);
    }

    /** The timer with that name, while the JVM is not shutting down. @throws IllegalArgumentException for an unknown timer */
    private Ptimer takingRequests(String timerName) {
        Ptimer timer = timer(timerName);
        if (shuttingDown) {
            throw new IllegalStateException("the JVM is shutting down; timer \"" + timerName + "\" takes no requests");
        }
        return timer;
    }

    /** The cluster loaded in this JVM, or {@code null}. */
    public Cluster cluster() {
        return cluster;
    }

    /** The text of {@code ptimer.list}. */
    public String list() {
        return Listing.of(timers());
    }

    /** Asks every worker within a cycle to run its end route, then to stop; takes no more requests. */
    public void shutdown() {
        shuttingDown = true;
        for (Ptimer t : timers()) {
            t.workers().forEach(Worker::shutdown);
        }
    }

    /**
     * Waits for the workers to stop, at most until {@code deadline} (nanoTime).
     *
     * @return the workers still running then, with what they run
     */
    public List<String> awaitStop(long deadline) throws InterruptedException {
        List<String> late = new ArrayList<>();
        for (Ptimer t : timers()) {
            for (Worker w : t.workers()) {
                if (w.thread() != Thread.currentThread() && !w.awaitStop(deadline)) {
                    late.add(w.threadName() + " (in " + w.state() + ")");
                }
            }
        }
        Cluster c = cluster;
        if (c != null) {
            c.close();
        }
        return late;
    }
}
