package io.ptimer.agent.async;

import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.RouteRunner;
import io.ptimer.agent.exec.TaskPool;
import io.ptimer.agent.jfr.Flight;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One task group: the threads {@code async-<name>-<i>} of a task pool, each with its own route
 * runner (made on the thread's first task). Any thread may submit; operators read the figures.
 */
public final class TaskGroup {
    private final GroupSpec spec;
    private final TaskPool pool;
    private final List<RouteRunner> runners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<RouteRunner> runner = ThreadLocal.withInitial(this::newRunner);
    private volatile boolean closed;

    TaskGroup(GroupSpec spec) {
        this.spec = spec;
        this.pool = new TaskPool("async-" + spec.name(), spec.workers(), spec.queue(), spec.nonblock(),
                TimeUnit.MICROSECONDS.toNanos(spec.usleep()));
    }

    private RouteRunner newRunner() {
        RouteRunner r = new RouteRunner(Thread.currentThread().getName(), false);
        runners.add(r);
        return r;
    }

    void start() {
        pool.start();
    }

    /**
     * Queues a task, waiting for room unless the group is non-blocking.
     *
     * @throws IllegalStateException when the task is not queued: the queue is full and the group
     *                               non-blocking, the JVM is shutting down, or the caller was interrupted
     */
    void submit(Runnable task) {
        boolean queued;
        try {
            queued = pool.submit(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(task);
        }
        if (!queued) {
            throw refused(task);
        }
    }

    private IllegalStateException interrupted(Runnable task) {
        return new IllegalStateException("interrupted while waiting for room in async group \"" + name()
                + "\"; " + task + " not queued");
    }

    /** Why {@code task} was not queued; a full queue is also a Flight Recorder event. */
    private IllegalStateException refused(Runnable task) {
        if (!closed) {
            Flight.queueFull(name(), String.valueOf(task), pool.bound());
        }
        return new IllegalStateException(closed
                ? "async group \"" + name() + "\" takes no more tasks: the JVM is shutting down"
                : "async group \"" + name() + "\" is full (queue bound " + pool.bound() + ", nonblock=1); "
                + task + " not queued");
    }

    /**
     * Runs a route on this worker thread, through its runner. A {@link VirtualMachineError} the
     * runner counted and rethrew ends the task, as any failure does; the thread takes the next task,
     * for a group whose threads ended would leave its callers blocked on a full queue.
     */
    void run(String label, BoundRoute route, Object context) {
        RouteRunner r = runner.get();
        try {
            r.run(label, route, context);
        } catch (VirtualMachineError counted) {
            // counted and logged by the runner; the task is over
        }
    }

    void close(long deadline) {
        closed = true;
        pool.close(deadline);
    }

    boolean awaitStop(long deadline) throws InterruptedException {
        return pool.awaitStop(deadline);
    }

    public String name() {
        return spec.name();
    }

    public int workers() {
        return pool.workers();
    }

    /** Tasks waiting in the queue. */
    public int queued() {
        return pool.queued();
    }

    /** Tasks run, whether or not their route threw. */
    public long completed() {
        return pool.completed();
    }

    /** Exceptions thrown by the routes. */
    public long errors() {
        long n = pool.errors();
        for (RouteRunner r : runners) {
            n += r.errorCount();
        }
        return n;
    }

    public boolean nonblock() {
        return spec.nonblock();
    }

    /** The pause before each task, in µs. */
    public int usleep() {
        return spec.usleep();
    }

    /** The queue's bound. */
    public int bound() {
        return pool.bound();
    }

    /** The last error's summary, or {@code null}. */
    public String lastError() {
        String last = null;
        for (RouteRunner r : runners) {
            if (r.lastError() != null) {
                last = r.lastError();
            }
        }
        return last;
    }
}
