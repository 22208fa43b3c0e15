package io.ptimer.agent.ptimer;

/**
 * Hears a worker's state changes. Called on the worker's own thread, at most a few times per
 * cycle and never per loop iteration; it must return quickly and not throw.
 */
@FunctionalInterface
public interface WorkerListener {
    void changed(Worker worker, WorkerEvent event);
}
