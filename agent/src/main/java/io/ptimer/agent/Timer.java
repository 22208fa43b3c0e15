package io.ptimer.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * A configured timer and, once its routes are bound, its workers. Until then it waits for its
 * route classes; a route that fails to bind late leaves it failed, with the reason.
 */
final class Timer {
    private final TimerSpec spec;
    private volatile List<Worker> workers = List.of();
    private volatile String status;
    private volatile WorkerListener listener;

    Timer(TimerSpec spec) {
        this.spec = spec;
        this.status = "binding";
    }

    TimerSpec spec() {
        return spec;
    }

    String name() {
        return spec.name();
    }

    /** Creates and starts the workers with the bound routes. */
    synchronized void start(Routes routes) {
        List<Worker> created = new ArrayList<>(spec.nworkers());
        for (int i = 0; i < spec.nworkers(); i++) {
            created.add(new Worker(this, i, routes));
        }
        workers = List.copyOf(created);
        status = "running";
        for (Worker w : created) {
            w.start();
        }
    }

    void waitFor(String what) {
        status = "waiting for " + what;
    }

    void fail(String reason) {
        status = "failed: " + reason;
    }

    /** The listener of its workers' state changes, or {@code null}. */
    WorkerListener listener() {
        return listener;
    }

    /** Sets or, with {@code null}, removes the listener of its workers' state changes. */
    void listener(WorkerListener listener) {
        this.listener = listener;
    }

    /** running, waiting for ..., or failed: .... */
    String status() {
        return status;
    }

    List<Worker> workers() {
        return workers;
    }

    /**
     * The worker with that index.
     *
     * @throws IllegalArgumentException naming the timer, the index and what exists
     */
    Worker worker(int index) {
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
