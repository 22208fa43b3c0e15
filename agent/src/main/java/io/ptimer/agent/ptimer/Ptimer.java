package io.ptimer.agent.ptimer;

import io.ptimer.agent.binding.Binding;
import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.BoundTimers;
import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.binding.TimerStatus;
import io.ptimer.agent.cluster.Cluster;
import io.ptimer.agent.exec.Log;
import io.ptimer.agent.jfr.Flight;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A configured ptimer timer and, once its routes are bound, its workers. Until then it waits for
 * its route classes; a route that fails to bind late leaves it failed, with the reason.
 */
public final class Ptimer implements BoundTimers.Timer {
    private final PtimerSpec spec;
    private final Cluster cluster;
    /** Replaced whole under this timer's monitor, read by anyone. */
    private volatile List<Worker> workers = List.of();
    /** Written by the starting thread, then {@code ptimer-binder}; read by anyone. */
    private volatile TimerStatus status = TimerStatus.BINDING;
    /** Set once by the starting thread, read by anyone. */
    private volatile Binding binding;
    /** Set by the JMX face, read by the workers' threads. */
    private volatile WorkerListener listener;
    /** Set by the JMX face, read by operators' threads. */
    private volatile SettingListener settingListener;
    /** The timer-wide settings in force; written under this timer's monitor. */
    private volatile Settings settings;
    /** Counts unbindings, so that a wait for the route factory ends with the binding it was for. */
    private volatile int generation;

    Ptimer(PtimerSpec spec) {
        this(spec, null);
    }

    /** @param cluster the cluster sharing the timer's budget, or {@code null} */
    Ptimer(PtimerSpec spec, Cluster cluster) {
        this.spec = spec;
        this.cluster = cluster;
        this.settings = Settings.of(spec);
    }

    /** The cluster sharing this timer's budget, or {@code null}. */
    Cluster cluster() {
        return cluster;
    }

    /** The timer-wide interval, ntasks and nslices in force: the configured ones as last {@code set}. */
    public Settings settings() {
        return settings;
    }

    /**
     * Changes a setting of every worker, or of one, from its next loop on and for its later starts.
     * A timer sharing its budget in a cluster takes only {@code ntasks}, for the whole timer: it is
     * set for every JVM of the cluster, here as soon as a majority has committed it.
     *
     * @param worker the worker index, or {@code null} for all workers and the timer-wide setting
     * @return what was done, for the operator
     * @throws IllegalArgumentException for an unknown worker, or a setting a cluster's timer does not take
     * @throws IllegalStateException    when the cluster did not commit it
     */
    String set(Setting.Change change, Integer worker) {
        if (cluster == null) {
            return setHere(change, worker);
        }
        String in = "cluster \"" + cluster.spec().name() + "\"";
        if (change.setting() != Setting.NTASKS) {
            throw new IllegalArgumentException("timer \"" + name() + "\": " + change.setting().key() + " cannot be set"
                    + " in " + in + ": the interval and nslices make its steps, the same in every JVM (change them in"
                    + " each JVM's configuration); ntasks can be set; nothing changed");
        }
        if (worker != null) {
            throw new IllegalArgumentException("timer \"" + name() + "\": ntasks is set for the whole timer in " + in
                    + ", not for worker " + worker + "; nothing changed");
        }
        long from;
        try {
            from = cluster.contract(name(), (int) change.value());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("timer \"" + name() + "\": " + change + " not set in " + in + ": " + e.getMessage());
        }
        return setHere(change, null) + " and in every JVM of " + in + ", from step " + from;
    }

    /**
     * Puts a {@code ntasks} set for the whole cluster in force here, once its step has come; the first
     * worker to get there does it, on its thread.
     */
    synchronized void contracted(Setting.Change change, long from) {
        if (settings.ntasks() != change.value()) {
            String in = "cluster \"" + cluster.spec().name() + "\", from step " + from;
            Log.info("ptimer: timer \"" + name() + "\": " + change + " set in " + in);
            Flight.control("set " + change, name(), -1, in, setHere(change, null));
        }
    }

    private synchronized String setHere(Setting.Change change, Integer worker) {
        String done;
        if (worker == null) {
            settings = settings.with(change);
            for (Worker w : workers) {
                w.set(change);
            }
            int n = spec.nworkers();
            done = "set " + change + " on timer \"" + name() + "\" (" + n + " worker" + (n == 1 ? ")" : "s)");
        } else {
            worker(worker).set(change);
            done = "set " + change + " on timer \"" + name() + "\" worker " + worker;
        }
        SettingListener l = settingListener;
        if (l != null) {
            l.set(this, worker, change);
        }
        return done;
    }

    /** Sets or, with {@code null}, removes the listener of operators' {@code set}s. */
    public void settingListener(SettingListener listener) {
        this.settingListener = listener;
    }

    public PtimerSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String entry() {
        return spec.entry();
    }

    @Override
    public List<RouteSpec> routes() {
        return spec.routeList();
    }

    /** Creates and starts the workers with the bound routes. */
    synchronized void start(Map<Phase, BoundRoute> routes) {
        List<Worker> created = new ArrayList<>(spec.nworkers());
        for (int i = 0; i < spec.nworkers(); i++) {
            created.add(new Worker(this, i, routes));
        }
        workers = List.copyOf(created);
        status = TimerStatus.RUNNING;
        for (Worker w : created) {
            w.start();
        }
    }

    /** Waits for the classes that {@code binding} has not bound yet. */
    void bindWith(Binding binding) {
        this.binding = binding;
    }

    /** Shows what the timer waits for in its status, until {@link #start} or {@link #unbind}. */
    void waitingFor(String what) {
        status = TimerStatus.waitingFor(what);
    }

    /**
     * Ends the workers (each one within a cycle runs its end route), waiting for them at most
     * {@code timeoutNanos}, and forgets them with their routes: the timer waits for its classes again.
     */
    void unbind(long timeoutNanos) {
        List<Worker> ended;
        synchronized (this) {
            ended = workers;
            workers = List.of();
            status = TimerStatus.BINDING;
            generation++;
        }
        ended.forEach(Worker::shutdown);
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            for (Worker w : ended) {
                w.awaitStop(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many times the timer's routes were unbound. */
    int generation() {
        return generation;
    }

    void fail(String reason) {
        status = TimerStatus.failed(reason);
    }

    /** The listener of its workers' state changes, or {@code null}. */
    WorkerListener listener() {
        return listener;
    }

    /** Sets or, with {@code null}, removes the listener of its workers' state changes. */
    public void listener(WorkerListener listener) {
        this.listener = listener;
    }

    /** Binding, waiting for a class or the route factory, running, or failed. */
    public TimerStatus status() {
        Binding b = binding;
        TimerStatus s = status;
        return b != null && b.waiting() && s.kind() == TimerStatus.Kind.BINDING ? TimerStatus.waitingFor(b.awaited()) : s;
    }

    public List<Worker> workers() {
        return workers;
    }

    /**
     * The worker with that index.
     *
     * @throws IllegalArgumentException naming the timer, the index and what exists
     */
    public Worker worker(int index) {
        List<Worker> ws = checkRunning();
        if (index < 0 || index >= ws.size()) {
            throw new IllegalArgumentException("timer \"" + name() + "\" has no worker " + index + " (workers: 0.."
                    + (ws.size() - 1) + ")");
        }
        return ws.get(index);
    }

    /** The workers, when the timer runs. @throws IllegalArgumentException saying why not */
    List<Worker> checkRunning() {
        List<Worker> ws = workers;
        if (ws.isEmpty()) {
            throw new IllegalArgumentException("timer \"" + name() + "\" is not running: " + status);
        }
        return ws;
    }
}
