package io.ptimer.agent.ptimer;

import io.ptimer.api.TimerContext;
import io.ptimer.api.TimerType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One worker's {@code $ptimer(...)} and {@code $var(...)}. Written by its worker thread; the
 * attributes operators see are volatile so JMX reads recent values.
 */
final class WorkerContext implements TimerContext {
    private final PtimerSpec spec;
    private final int worker;
    private final Map<String, Object> vars = new HashMap<>();
    private Thread owner;
    private volatile long pid;
    private volatile Duration interval;
    private volatile long intervalNanos;
    private volatile int ntasks;
    private volatile int tasks;
    private volatile int nslices;
    private volatile int slice;
    private volatile int backlog = -1;
    /** The carrier's: set before the loop route runs, read by that route. */
    private long deadline;
    private boolean tasksSet;
    private boolean inStart;

    WorkerContext(PtimerSpec spec, int worker, Settings base) {
        this.spec = spec;
        this.worker = worker;
        this.pid = ProcessHandle.current().pid();
        reset(base);
    }

    /** Binds the context to the calling worker thread. */
    void attach(Thread thread, long osThreadId) {
        this.owner = thread;
        this.pid = osThreadId;
    }

    /** Back to {@code base} with no vars: what each start begins from. */
    void reset(Settings base) {
        vars.clear();
        intervalNanos = base.intervalNanos();
        interval = Duration.ofNanos(intervalNanos);
        ntasks = base.ntasks();
        tasks = base.ntasks();
        nslices = base.nslices();
        slice = 0;
        backlog = -1;
        tasksSet = false;
    }

    /**
     * An operator's {@code set}, in force from the next loop: a new {@code ntasks} is also the
     * {@code tasks} of a type without slices; slice types take their share at the next loop.
     */
    void apply(Setting.Change change) {
        switch (change.setting()) {
            case INTERVAL -> {
                intervalNanos = change.value();
                interval = Duration.ofNanos(intervalNanos);
            }
            case NTASKS -> {
                ntasks = (int) change.value();
                if (!spec.type().sliced()) {
                    tasks = ntasks;
                }
            }
            case NSLICES -> nslices = (int) change.value();
        }
    }

    void inStart(boolean inStart) {
        this.inStart = inStart;
    }

    /**
     * Moves to the next slice (unless {@code first}) and sets {@code tasks} to its share. A slice
     * past a smaller {@code nslices} set meanwhile starts over at 0.
     */
    void nextSlice(boolean first) {
        if (!first || slice >= nslices) {
            slice = slice + 1 >= nslices ? 0 : slice + 1;
        }
        tasks = Slices.share(slice, ntasks, nslices);
    }

    /** A loop's slice and tasks under cluster mode: the step's slice and this JVM's grant. */
    void shared(int slice, int tasks) {
        this.slice = slice;
        this.tasks = tasks;
    }

    /** When the loop about to run should be done ({@code nanoTime}): see {@link #deadline()}. */
    void deadline(long nanos) {
        deadline = nanos;
    }

    /** What the routes last told of their backlog; -1 when they never did. */
    int backlogTold() {
        return backlog;
    }

    /** The worker's interval in ns, as its start route left it. */
    long intervalNanos() {
        return intervalNanos;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public TimerType type() {
        return spec.type();
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public int nworkers() {
        return spec.nworkers();
    }

    @Override
    public int worker() {
        return worker;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public int ntasks() {
        return ntasks;
    }

    @Override
    public int tasks() {
        return tasks;
    }

    @Override
    public int nslices() {
        return nslices;
    }

    @Override
    public int slice() {
        return slice;
    }

    @Override
    public long deadline() {
        return deadline;
    }

    @Override
    public Map<String, Object> vars() {
        return vars;
    }

    @Override
    public void interval(Duration value) {
        checkWritable("interval", value);
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("interval " + value + " is not allowed: it must be > 0");
        }
        long nanos;
        try {
            nanos = value.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("interval " + value + " is not allowed: it must be at most one year");
        }
        intervalNanos = nanos;
        interval = value;
    }

    @Override
    public void ntasks(int value) {
        checkWritable("ntasks", value);
        if (value < 0) {
            throw new IllegalArgumentException("ntasks " + value + " is not allowed: it must be >= 0");
        }
        if (tasksSet && tasks > value) {
            throw new IllegalArgumentException("ntasks " + value + " is not allowed: tasks is " + tasks
                    + " and must stay within 0.." + value);
        }
        ntasks = value;
        if (!tasksSet) {
            tasks = value;
        }
    }

    @Override
    public void tasks(int value) {
        checkWritable("tasks", value);
        if (value < 0 || value > ntasks) {
            throw new IllegalArgumentException("tasks " + value + " is not allowed: it must be within 0.." + ntasks
                    + " (ntasks)");
        }
        tasks = value;
        tasksSet = true;
    }

    @Override
    public void nslices(int value) {
        checkWritable("nslices", value);
        if (value < 1) {
            throw new IllegalArgumentException("nslices " + value + " is not allowed: it must be >= 1");
        }
        if (slice >= value) {
            throw new IllegalArgumentException("nslices " + value + " is not allowed: slice is " + slice
                    + " and must stay within 0.." + (value - 1) + " (set slice first)");
        }
        nslices = value;
    }

    @Override
    public void slice(int value) {
        checkWritable("slice", value);
        if (value < 0 || value >= nslices) {
            throw new IllegalArgumentException("slice " + value + " is not allowed: it must be within 0.."
                    + (nslices - 1) + " (nslices - 1)");
        }
        slice = value;
    }

    @Override
    public void backlog(int value) {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("cannot tell the backlog of timer \"" + spec.name() + "\" worker " + worker
                    + " from thread \"" + Thread.currentThread().getName() + "\": only the worker's own routes tell it");
        }
        if (value < 0) {
            throw new IllegalArgumentException("backlog " + value + " is not allowed: it must be >= 0");
        }
        backlog = value;
    }

    private void checkWritable(String what, Object value) {
        if (!inStart || Thread.currentThread() != owner) {
            throw new IllegalStateException("cannot set " + what + " to " + value + " on timer \"" + spec.name()
                    + "\" worker " + worker + ": it can be set only inside the start route, on the worker's own thread");
        }
    }

    @Override
    public String toString() {
        return "TimerContext[" + spec.name() + "/" + worker + "]";
    }
}
