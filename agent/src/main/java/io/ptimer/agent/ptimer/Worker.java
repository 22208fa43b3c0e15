package io.ptimer.agent.ptimer;

import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.RouteRunner;
import io.ptimer.agent.exec.DedicatedLane;
import io.ptimer.agent.exec.Job;
import io.ptimer.agent.exec.LanePool;
import io.ptimer.agent.exec.Lateness;
import io.ptimer.agent.exec.LatenessHistogram;
import io.ptimer.agent.exec.Precision;
import io.ptimer.agent.exec.Schedule;
import io.ptimer.agent.jfr.Flight;
import io.ptimer.api.Route;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One worker of a timer: start route, then the loop route every interval, then the end route, then
 * paused until told otherwise. It is a {@link Job} whose steps run either on a thread of its own
 * from the start ({@code thread=own}: a {@link DedicatedLane} {@code ptimer-<timer>-<worker>}) or
 * on a shared lane of the {@link LanePool} while its routes are short ({@code thread=shared}), on a
 * thread of its own, so named, while they run long.
 *
 * <p>Requests from operators are queued and applied in order at safe points: at once while the
 * worker waits or is paused, otherwise when the running route returns. A route is never cut off.
 */
public final class Worker extends Job {
    private static final String SYSTEM = "ptimer";
    private final Ptimer timer;
    private final int index;
    private final Map<Phase, BoundRoute> routes;
    /** The loop route and whether the timer is sliced, looked up once: nothing between a grid point and the route but the route. */
    private final BoundRoute loopRoute;
    private final boolean sliced;
    /** This worker's share of a cluster's budget, or {@code null} outside cluster mode. */
    private final SharedLoop clusterShare;
    private final long jfrLateNanos;
    private final WorkerContext ctx;
    private final Schedule schedule;
    /** Its own thread from the start, or {@code null} on the shared lanes. */
    private final DedicatedLane lane;
    private final RouteRunner runner;
    /** Requests not yet applied; made with the first, as thousands of workers may never see one. */
    private volatile Queue<Request> requests;
    private final Lateness lateness;
    private final LatenessHistogram histogram = new LatenessHistogram();
    /** What the next start begins from; written by operators through {@link #set}, under the timer's monitor. */
    private volatile Settings base;
    /** The settings last applied to the context; confined to the worker's thread. */
    private Settings applied;

    /** The phase the worker runs next when it is not paused; {@code null} after its end route. */
    private volatile Phase next = Phase.START;
    private volatile boolean stopping;
    private volatile boolean paused;
    private volatile long iterations;
    private volatile long overruns;
    private volatile long skipped;
    /** Loops that began later than {@link #lateThreshold()}. */
    private volatile long lateLoops;
    /** When the last loop began, and when the next is due (nanoTime; 0 before the first / when none is). */
    private volatile long lastLoopNanos;
    private volatile long nextDueNanos;
    private volatile boolean finished;
    /** Set once, on the worker's carrier, when a step threw past its routes (a {@link VirtualMachineError}). */
    private volatile boolean failed;
    private boolean inCycle;
    private boolean firstLoop;
    private boolean rehearsed;
    /** Whether its first start route waits for the {@link Rehearsal} to settle, since when (nanoTime). */
    private boolean rehearsing;
    private long rehearsalSince;

    Worker(Ptimer timer, int index, Map<Phase, BoundRoute> routes) {
        PtimerSpec spec = timer.spec();
        this.timer = timer;
        this.index = index;
        this.routes = routes;
        this.loopRoute = routes.get(Phase.LOOP);
        this.sliced = spec.type().sliced();
        this.clusterShare = timer.cluster() == null ? null : new SharedLoop(timer, index);
        this.jfrLateNanos = spec.jfrLateNanos();
        this.base = timer.settings();
        this.applied = base;
        this.ctx = new WorkerContext(spec, index, base);
        this.schedule = spec.type().synced() ? Schedule.onGrid(spec.overrun()) : Schedule.afterEachRun();
        this.paused = !spec.autostart();
        this.runner = new RouteRunner("timer \"" + spec.name() + "\" worker " + index);
        boolean onLanes = spec.sharedThread() && spec.precision() != Precision.SPIN;
        this.lateness = onLanes ? new Lateness(SHARED_WINDOW) : new Lateness();
        this.lane = onLanes ? null : new DedicatedLane(threadName(), spec.precision(), this::hasWork, runOn());
    }

    /** The recent lateness window of a worker on the shared lanes: small, as there may be thousands. */
    static final int SHARED_WINDOW = 16;

    void start() {
        if (lane != null) {
            lane.start();
        } else {
            LanePool.shared().place(this);
        }
    }

    private Runnable runOn() {
        return () -> {
            try {
                runOn(lane).run();
            } finally {
                finish();
            }
        };
    }

    private Queue<Request> queue() {
        Queue<Request> q = requests;
        if (q == null) {
            synchronized (this) {
                q = requests;
                if (q == null) {
                    q = new ConcurrentLinkedQueue<>();
                    requests = q;
                }
            }
        }
        return q;
    }

    /** Queues a request; the worker applies it at its next safe point. */
    public void request(Request request) {
        queue().add(request);
        wake();
    }

    /**
     * Changes a setting from the worker's next loop on, and for its later starts; the worker applies
     * it at its next safe point, as a request. Called under the timer's monitor.
     */
    void set(Setting.Change change) {
        base = base.with(change);
        wake();
    }

    /** Asks the worker to run its end route if it is within a cycle, then to stop. */
    public void shutdown() {
        stopping = true;
        wake();
    }

    /** Waits for the worker to stop (its thread, if it has one of its own from the start, too), at most until {@code deadline} (nanoTime). */
    public boolean awaitStop(long deadline) throws InterruptedException {
        synchronized (this) {
            while (!finished) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            }
        }
        return lane == null || lane.awaitStop(deadline);
    }

    @Override
    protected long step() {
        if (rehearsing) {
            long ready = Rehearsal.readyAt(timer, rehearsalSince);
            if (ready != 0) {
                return ready;
            }
            rehearsing = false;
            runStart();
            return System.nanoTime();
        }
        applyRequests();
        if (stopping && !inCycle) {
            finish();
            return DONE;
        }
        if (stopping) {
            next = Phase.END;
            paused = false;
        }
        if (paused || next == null) {
            return PARK;
        }
        switch (next) {
            case START -> {
                if (!rehearsed) {
                    rehearsed = true;
                    rehearsing = true;
                    rehearsalSince = System.nanoTime();
                    return step();
                }
                runStart();
            }
            case LOOP -> {
                return runLoop();
            }
            case END -> runEnd();
        }
        return System.nanoTime();
    }

    @Override
    protected long stepAtDue() {
        if (next == Phase.LOOP && !paused && !stopping && !rehearsing) {
            return runLoop();
        }
        return step();
    }

    private void finish() {
        synchronized (this) {
            finished = true;
            notifyAll();
        }
    }

    @Override
    protected void failed(Throwable failure) {
        failed = true;
        finish();
    }

    @Override
    protected boolean hasWork() {
        Queue<Request> q = requests;
        return !rehearsing && (stopping || (q != null && !q.isEmpty()) || base != applied);
    }

    @Override
    protected long intervalNanos() {
        return ctx.intervalNanos();
    }

    @Override
    protected Precision precision() {
        return timer.spec().precision();
    }

    @Override
    protected String threadName() {
        return "ptimer-" + timer.name() + "-" + index;
    }

    @Override
    protected void carriedBy(Thread thread, long osThreadId) {
        ctx.attach(thread, osThreadId);
    }

    private void applyRequests() {
        Settings b = base;
        if (b != applied) {
            applySettings(applied, b);
            applied = b;
        }
        Queue<Request> q = requests;
        if (q == null) {
            return;
        }
        Request request;
        while ((request = q.poll()) != null) {
            if (request == Request.PAUSE) {
                if (next != null && !paused) {
                    paused = true;
                    announce(WorkerEvent.PAUSED);
                }
            } else if (request == Request.CONTINUE) {
                if (paused && next != null) {
                    paused = false;
                    schedule.skipPaused(System.nanoTime(), ctx.intervalNanos());
                    announce(WorkerEvent.RESUMED);
                }
            } else if (jump(request.jump())) {
                return;
            }
        }
    }

    /** Puts what changed between {@code from} and {@code to} in force; a new interval moves the next loop. */
    private void applySettings(Settings from, Settings to) {
        if (from.intervalNanos() != to.intervalNanos()) {
            long old = ctx.intervalNanos();
            ctx.apply(new Setting.Change(Setting.INTERVAL, to.intervalNanos()));
            schedule.retime(old, to.intervalNanos(), System.nanoTime());
        }
        if (from.ntasks() != to.ntasks()) {
            ctx.apply(new Setting.Change(Setting.NTASKS, to.ntasks()));
        }
        if (from.nslices() != to.nslices()) {
            ctx.apply(new Setting.Change(Setting.NSLICES, to.nslices()));
        }
    }

    /** Applies a jump request; returns whether the worker goes there now. */
    private boolean jump(Phase target) {
        switch (target) {
            case START -> {
                unpauseForJump();
                next = Phase.START;
            }
            case LOOP -> {
                unpauseForJump();
                if (!inCycle) {
                    beginCycle();
                }
                schedule.jump(System.nanoTime());
                next = Phase.LOOP;
                announce(WorkerEvent.LOOP);
            }
            case END -> {
                if (!inCycle) {
                    return false;
                }
                unpauseForJump();
                next = Phase.END;
            }
        }
        return true;
    }

    /** Leaves the paused state for a jump, telling listeners when the worker was paused. */
    private void unpauseForJump() {
        boolean was = paused();
        paused = false;
        if (was) {
            announce(WorkerEvent.RESUMED);
        }
    }

    private void announce(WorkerEvent event) {
        Flight.workerState(timer.name(), index, event.key());
        WorkerListener listener = timer.listener();
        if (listener != null) {
            listener.changed(this, event);
        }
    }

    private void beginCycle() {
        ctx.reset(applied);
        runner.dropInstances();
        inCycle = true;
        firstLoop = true;
        schedule.disarm();
    }

    private void runStart() {
        beginCycle();
        announce(WorkerEvent.START);
        ctx.inStart(true);
        int result;
        try {
            result = invoke(Phase.START);
        } finally {
            ctx.inStart(false);
        }
        next = result < 0 ? Phase.END : Phase.LOOP;
        if (next == Phase.LOOP) {
            announce(WorkerEvent.LOOP);
        }
    }

    /** Runs the loop route when its time has come; returns when the next step is due. */
    private long runLoop() {
        long interval = ctx.intervalNanos();
        if (!schedule.armed()) {
            if (clusterShare == null) {
                schedule.arm(System.nanoTime(), interval);
            } else {
                schedule.jump(clusterShare.firstDeadline(interval));
            }
        }
        long deadline = schedule.deadline();
        if (nextDueNanos != deadline) {
            nextDueNanos = deadline;
        }
        long began = System.nanoTime();
        long late = began - deadline;
        if (late < 0) {
            return deadline;
        }
        if (clusterShare != null && !clusterShare.due(interval)) {
            schedule.jump(clusterShare.nextDeadline());
            return schedule.deadline();
        }
        if (sliced) {
            ctx.nextSlice(firstLoop);
        }
        if (clusterShare != null) {
            clusterShare.spend(ctx, interval, firstLoop);
        } else {
            ctx.deadline(deadline + interval);
        }
        firstLoop = false;
        int result = invoke(Phase.LOOP);
        long ended = System.nanoTime();
        lastLoopNanos = began;
        lateness.record(late);
        histogram.record(late);
        long threshold = lateThreshold(interval);
        if (late > threshold) {
            lateLoops = lateLoops + 1;
            Flight.late(SYSTEM, timer.name(), index, late, threshold);
        }
        iterations++;
        if (result < 0 && !runner.threw()) {
            next = Phase.END;
            schedule.disarm();
            return ended;
        }
        long nextPoint = deadline + interval;
        schedule.advance(ended, interval);
        if (clusterShare != null) {
            schedule.jump(clusterShare.nextDeadline());
        }
        if (schedule.overruns() != overruns) {
            long skippedNow = schedule.skipped();
            Flight.overrun(SYSTEM, timer.name(), index, interval, ended - nextPoint, skippedNow - skipped);
            overruns = schedule.overruns();
            skipped = skippedNow;
        }
        long due = schedule.deadline();
        nextDueNanos = due;
        return due;
    }

    /** When a loop counts as late: the timer's {@code jfr_late}, or by default a tenth of the interval, at most 1 ms. */
    private long lateThreshold(long interval) {
        return jfrLateNanos > 0 ? jfrLateNanos : Lateness.lateThreshold(interval);
    }

    private void runEnd() {
        announce(WorkerEvent.END);
        invoke(Phase.END);
        inCycle = false;
        runner.dropInstances();
        ctx.reset(applied);
        schedule.disarm();
        next = null;
        announce(WorkerEvent.PAUSED);
    }

    /** Runs the route of {@code phase}: its result, {@link Route#CONTINUE} when there is none, {@link Route#END} when it threw. */
    private int invoke(Phase phase) {
        BoundRoute route = phase == Phase.LOOP ? loopRoute : routes.get(phase);
        return route == null ? Route.CONTINUE : runner.run(phase.key(), route, ctx);
    }

    public int index() {
        return index;
    }

    WorkerContext context() {
        return ctx;
    }

    /** Whether the worker is paused, by a request or after its end route. */
    public boolean paused() {
        return paused || next == null;
    }

    /** The route the worker is in: start, loop or end (running it or about to), or none after its end route. */
    String phase() {
        Phase n = next;
        return n == null ? "none" : n.key();
    }

    /** A word for operators: start, loop, end (running that route), sleeping, paused, ended, stopped, failed. */
    public String state() {
        String r = runner.running();
        if (r != null) {
            return r;
        }
        if (finished) {
            return failed ? "failed" : "stopped";
        }
        if (next == null) {
            return "ended";
        }
        return paused ? "paused" : "sleeping";
    }

    RouteRunner runner() {
        return runner;
    }

    public long iterations() {
        return iterations;
    }

    public long overruns() {
        return overruns;
    }

    /** Grid points skipped after overruns, with {@code overrun=skip}. */
    public long skipped() {
        return skipped;
    }

    public long errors() {
        return runner.errorCount();
    }

    public Lateness lateness() {
        return lateness;
    }

    /** Every loop's lateness since the worker started, in fixed buckets. */
    public LatenessHistogram histogram() {
        return histogram;
    }

    /** Loops that began later than the late threshold since the worker started. */
    public long lateLoops() {
        return lateLoops;
    }

    /** When the last loop began, on {@link System#nanoTime()}, or 0 before the first. */
    public long lastLoopNanos() {
        return lastLoopNanos;
    }

    /** When the next loop is due, on {@link System#nanoTime()}, or 0 when none is (paused, ended, not looping). */
    public long nextDueNanos() {
        Phase n = next;
        return paused || n != Phase.LOOP ? 0 : nextDueNanos;
    }

    /** The thread of its own from the start, else the thread that runs or last ran its step. */
    public Thread thread() {
        return lane != null ? lane.thread() : carrier();
    }
}
