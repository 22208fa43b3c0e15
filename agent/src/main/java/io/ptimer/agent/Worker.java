package io.ptimer.agent;

import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One worker of a timer, on its own daemon thread {@code ptimer-<timer>-<worker>}: start route,
 * then the loop route every interval, then the end route, then paused until told otherwise.
 *
 * <p>Requests from operators are queued and applied in order at safe points: at once while the
 * worker waits or is paused, otherwise when the running route returns. A route is never cut off.
 */
final class Worker implements Runnable {

    /** What the worker does next when it is not paused. */
    private enum Next { START, LOOP, END, NOTHING }

    private final Timer timer;
    private final int index;
    private final Routes routes;
    private final WorkerContext ctx;
    private final Schedule schedule;
    private final Sleeper sleeper;
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final LatenessWindow lateness = new LatenessWindow();
    private final Log.Limiter errorLog = new Log.Limiter(TimeUnit.SECONDS.toNanos(1));
    private final Thread thread;

    private volatile Next next;
    private volatile boolean stopping;
    private boolean inCycle;
    private boolean firstLoop;
    private boolean threw;
    private Map<Class<?>, Object> instances = new HashMap<>();

    private volatile boolean paused;
    private volatile RouteKind running;
    private volatile long runningSince;
    private volatile long iterations;
    private volatile long overruns;
    private volatile long errorCount;
    private volatile String lastError;
    private volatile boolean finished;

    Worker(Timer timer, int index, Routes routes) {
        this.timer = timer;
        this.index = index;
        this.routes = routes;
        TimerSpec spec = timer.spec();
        this.ctx = new WorkerContext(spec, index);
        this.schedule = new Schedule(spec.type().synced());
        this.sleeper = new Sleeper(spec.precision(), this::hasRequest);
        this.next = Next.START;
        this.paused = !spec.autostart();
        this.thread = new Thread(this, "ptimer-" + spec.name() + "-" + index);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a request; the worker applies it at its next safe point. */
    void request(Request request) {
        requests.add(request);
        LockSupport.unpark(thread);
    }

    /** Asks the worker to run its end route if it is within a cycle, then to stop. */
    void shutdown() {
        stopping = true;
        LockSupport.unpark(thread);
    }

    /** Waits for the worker's thread to stop, at most until {@code deadline} (nanoTime). */
    boolean awaitStop(long deadline) throws InterruptedException {
        long remaining = deadline - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
        }
        return !thread.isAlive();
    }

    private boolean hasRequest() {
        return !requests.isEmpty() || stopping;
    }

    @Override
    public void run() {
        long tid = OsThread.currentId();
        ctx.attach(thread, tid);
        if (timer.spec().precision() != Precision.SPIN) {
            OsThread.lowerTimerSlack(tid);
        }
        try {
            for (;;) {
                applyRequests();
                if (stopping && !inCycle) {
                    return;
                }
                if (stopping) {
                    next = Next.END;
                    paused = false;
                }
                if (paused || next == Next.NOTHING) {
                    Thread.interrupted();
                    LockSupport.park(this);
                    continue;
                }
                switch (next) {
                    case START -> runStart();
                    case LOOP -> runLoop();
                    case END -> runEnd();
                    default -> throw new AssertionError(next);
                }
            }
        } finally {
            running = null;
            finished = true;
        }
    }

    private void applyRequests() {
        Request request;
        while ((request = requests.poll()) != null) {
            switch (request) {
                case PAUSE -> {
                    if (next != Next.NOTHING && !paused) {
                        paused = true;
                        announce(WorkerListener.Event.PAUSED);
                    }
                }
                case CONTINUE -> {
                    if (paused && next != Next.NOTHING) {
                        paused = false;
                        schedule.resume(System.nanoTime(), ctx.intervalNanos());
                        announce(WorkerListener.Event.RESUMED);
                    }
                }
                case START -> {
                    resume();
                    next = Next.START;
                    return;
                }
                case LOOP -> {
                    resume();
                    if (!inCycle) {
                        beginCycle();
                    }
                    schedule.jump(System.nanoTime());
                    next = Next.LOOP;
                    announce(WorkerListener.Event.LOOP);
                    return;
                }
                case END -> {
                    if (inCycle) {
                        resume();
                        next = Next.END;
                        return;
                    }
                }
            }
        }
    }

    /** Leaves the paused state for a jump, telling listeners when the worker was paused. */
    private void resume() {
        boolean was = paused();
        paused = false;
        if (was) {
            announce(WorkerListener.Event.RESUMED);
        }
    }

    private void announce(WorkerListener.Event event) {
        WorkerListener listener = timer.listener();
        if (listener != null) {
            listener.changed(this, event);
        }
    }

    private void beginCycle() {
        ctx.reset();
        instances = new HashMap<>();
        inCycle = true;
        firstLoop = true;
        schedule.disarm();
    }

    private void runStart() {
        beginCycle();
        announce(WorkerListener.Event.START);
        ctx.inStart(true);
        int result;
        try {
            result = invoke(RouteKind.START);
        } finally {
            ctx.inStart(false);
        }
        next = result < 0 ? Next.END : Next.LOOP;
        if (next == Next.LOOP) {
            announce(WorkerListener.Event.LOOP);
        }
    }

    private void runLoop() {
        long interval = ctx.intervalNanos();
        if (!schedule.armed()) {
            schedule.arm(System.nanoTime(), interval);
        }
        long deadline = schedule.deadline();
        if (!sleeper.awaitUntil(deadline, interval / 20)) {
            return;
        }
        lateness.record(System.nanoTime() - deadline);
        if (timer.spec().type().sliced()) {
            ctx.nextSlice(firstLoop);
        }
        firstLoop = false;
        int result = invoke(RouteKind.LOOP);
        iterations++;
        if (result < 0 && !threw) {
            next = Next.END;
            schedule.disarm();
            return;
        }
        schedule.advance(System.nanoTime(), interval);
        overruns = schedule.overruns();
    }

    private void runEnd() {
        announce(WorkerListener.Event.END);
        invoke(RouteKind.END);
        inCycle = false;
        instances = new HashMap<>();
        ctx.reset();
        schedule.disarm();
        next = Next.NOTHING;
        announce(WorkerListener.Event.PAUSED);
    }

    /**
     * Runs one route and returns its result: 1 when there is none, {@link io.ptimer.api.Route#END}
     * when it threw, with {@code threw} set.
     */
    private int invoke(RouteKind kind) {
        BoundRoute route = routes.get(kind);
        threw = false;
        if (route == null) {
            return io.ptimer.api.Route.CONTINUE;
        }
        runningSince = System.nanoTime();
        running = kind;
        try {
            Object target = route.needsInstance() ? instance(route) : null;
            return route.invoker().applyAsInt(target, ctx);
        } catch (Throwable t) {
            threw = true;
            errorCount++;
            lastError = kind.key() + ": " + t;
            errorLog.error("ptimer: timer \"" + timer.spec().name() + "\" worker " + index + ": " + kind.key()
                    + " route " + route.spec().display() + " threw " + t, t);
            return io.ptimer.api.Route.END;
        } finally {
            running = null;
        }
    }

    private Object instance(BoundRoute route) throws Throwable {
        Object target = instances.get(route.owner());
        if (target == null) {
            target = route.factory().invoke();
            instances.put(route.owner(), target);
        }
        return target;
    }

    int index() {
        return index;
    }

    WorkerContext context() {
        return ctx;
    }

    boolean paused() {
        return paused || next == Next.NOTHING;
    }

    /** The route the worker is in: start, loop or end (running it or about to), or none after its end route. */
    String phase() {
        Next n = next;
        return n == Next.NOTHING ? "none" : n.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** How long the running route has been running, in ns, or 0. */
    long runningForNanos() {
        return running == null ? 0 : System.nanoTime() - runningSince;
    }

    /** A word for operators: start, loop, end (running that route), sleeping, paused, ended, stopped. */
    String state() {
        RouteKind r = running;
        if (r != null) {
            return r.key();
        }
        if (finished) {
            return "stopped";
        }
        if (next == Next.NOTHING) {
            return "ended";
        }
        return paused ? "paused" : "sleeping";
    }

    long iterations() {
        return iterations;
    }

    long overruns() {
        return overruns;
    }

    long errors() {
        return errorCount;
    }

    String lastError() {
        return lastError;
    }

    LatenessWindow lateness() {
        return lateness;
    }

    Thread thread() {
        return thread;
    }
}
