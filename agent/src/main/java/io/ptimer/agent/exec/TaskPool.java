package io.ptimer.agent.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Named daemon threads {@code <prefix>-<i>} taking tasks from one bounded queue, in order. A task
 * that throws is counted and logged (rate-limited per thread) and the thread goes on. Any thread
 * may submit; each worker thread owns its own error log.
 */
public final class TaskPool {
    private final String prefix;
    private final BlockingQueue<Runnable> queue;
    private final boolean nonblock;
    private final long pauseNanos;
    private final int bound;
    private final List<Thread> threads = new ArrayList<>();
    private final List<AtomicLong> completed = new ArrayList<>();
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean closed;
    private volatile long drainUntil = Long.MAX_VALUE;

    /**
     * @param prefix     thread names are {@code <prefix>-<i>}, i from 0
     * @param nonblock   a submission to a full queue fails at once instead of waiting for room
     * @param pauseNanos how long each thread pauses before taking its next task
     */
    public TaskPool(String prefix, int workers, int bound, boolean nonblock, long pauseNanos) {
        if (workers < 1 || bound < 1) {
            throw new IllegalArgumentException("a task pool needs at least one worker and room for one task");
        }
        this.prefix = prefix;
        this.queue = new ArrayBlockingQueue<>(bound);
        this.bound = bound;
        this.nonblock = nonblock;
        this.pauseNanos = pauseNanos;
        for (int i = 0; i < workers; i++) {
            Worker w = new Worker();
            completed.add(w.done);
            Thread t = new Thread(w, prefix + "-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    public void start() {
        threads.forEach(Thread::start);
    }

    /**
     * Queues a task.
     *
     * @return {@code false} when the pool is closed, or full and non-blocking; the task is not queued then
     * @throws InterruptedException when interrupted while waiting for room
     */
    public boolean submit(Runnable task) throws InterruptedException {
        if (closed) {
            return false;
        }
        return queue.offer(task) || !nonblock && awaitRoom(task);
    }

    private boolean awaitRoom(Runnable task) throws InterruptedException {
        while (!queue.offer(task, 100, TimeUnit.MILLISECONDS)) {
            if (closed) {
                return false;
            }
        }
        return true;
    }

    /** One thread's loop, with the count of its tasks that only it writes. */
    private final class Worker implements Runnable {
        private final AtomicLong done = new AtomicLong();

        @Override
        public void run() {
            work(done);
        }
    }

    private void work(AtomicLong done) {
        Errors log = new Errors("ptimer: a task on " + Thread.currentThread().getName());
        for (;;) {
            Runnable task;
            try {
                task = closed ? queue.poll() : queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (task == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (closed && System.nanoTime() - drainUntil > 0) {
                return;
            }
            try {
                task.run();
            } catch (Throwable t) {
                errors.incrementAndGet();
                log.record(null, null, t);
            }
            done.lazySet(done.get() + 1);
            if (pauseNanos > 0) {
                LockSupport.parkNanos(pauseNanos);
            }
        }
    }

    /** Takes no more tasks; the threads run what is queued until {@code deadline} (nanoTime), then stop. */
    public void close(long deadline) {
        drainUntil = deadline;
        closed = true;
    }

    /** Waits for the threads to end, at most until {@code deadline} (nanoTime). */
    public boolean awaitStop(long deadline) throws InterruptedException {
        for (Thread t : threads) {
            long remaining = deadline - System.nanoTime();
            if (remaining > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, remaining);
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    String prefix() {
        return prefix;
    }

    public int workers() {
        return threads.size();
    }

    public int queued() {
        return queue.size();
    }

    /** The queue's bound. */
    public int bound() {
        return bound;
    }

    /** Tasks run to their end, whether they threw or not. */
    public long completed() {
        long n = 0;
        for (AtomicLong done : completed) {
            n += done.get();
        }
        return n;
    }

    /** Tasks that threw something themselves did not catch. */
    public long errors() {
        return errors.get();
    }

    public boolean nonblock() {
        return nonblock;
    }
}
