package io.ptimer.agent.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Jobs on shared lanes: a long step's job gets a thread of its own and comes back; wakes race the hand-overs. */
class LanePoolTest {

    /** A periodic job that records on which thread each step ran and how late it began; one step may block. */
    private static class Periodic extends Job {
        final String name;
        final long interval;
        final int blockAt;
        final long blockNanos;
        final List<String> threads = new ArrayList<>();
        final AtomicLong maxLate = new AtomicLong();
        final AtomicInteger steps = new AtomicInteger();
        volatile boolean stop;
        long next;

        Periodic(String name, long interval, int blockAt, long blockNanos) {
            this.name = name;
            this.interval = interval;
            this.blockAt = blockAt;
            this.blockNanos = blockNanos;
        }

        @Override
        protected long step() {
            long now = System.nanoTime();
            if (stop) {
                return DONE;
            }
            if (next == 0) {
                next = now;
            }
            if (now < next) {
                return next;
            }
            maxLate.accumulateAndGet(now - next, Math::max);
            synchronized (threads) {
                threads.add(Thread.currentThread().getName());
            }
            if (steps.incrementAndGet() == blockAt) {
                sleep(blockNanos);
            }
            next += interval;
            return Math.max(next, System.nanoTime());
        }

        List<String> threads() {
            synchronized (threads) {
                return new ArrayList<>(threads);
            }
        }

        @Override
        protected boolean hasWork() {
            return stop;
        }

        @Override
        protected long intervalNanos() {
            return interval;
        }

        @Override
        protected Precision precision() {
            return Precision.HYBRID;
        }

        @Override
        protected String threadName() {
            return name;
        }

        @Override
        protected void carriedBy(Thread thread, long osThreadId) {
        }
    }

    @Test
    void aJobWhoseStepThrowsLeavesTheLaneAndSaysItEndedWhileTheOthersGoOn() throws Exception {
        LanePool pool = new LanePool(1, TimeUnit.MILLISECONDS.toNanos(2), 5);
        AtomicInteger failures = new AtomicInteger();
        Periodic broken = new Periodic("job-broken", TimeUnit.MILLISECONDS.toNanos(2), -1, 0) {
            @Override
            protected long step() {
                if (steps.get() == 3) {
                    throw new IllegalStateException("a bug in the job's own code");
                }
                return super.step();
            }

            @Override
            protected void failed(Throwable failure) {
                failures.incrementAndGet();
            }
        };
        Periodic fast = new Periodic("job-fast", TimeUnit.MILLISECONDS.toNanos(2), -1, 0);
        pool.place(broken);
        pool.place(fast);
        await("the broken job leaves", () -> failures.get() == 1 && pool.jobs() == 1);
        int before = fast.steps.get();
        await("the other job goes on", () -> fast.steps.get() > before + 20);
        assertEquals(3, broken.steps.get());
        fast.stop = true;
        fast.wake();
        await("the other job leaves", () -> pool.jobs() == 0);
    }

    @Test
    void aBlockedJobGetsAThreadOfItsOwnAtOnceAndComesBackAfterShortSteps() throws Exception {
        LanePool pool = new LanePool(1, TimeUnit.MILLISECONDS.toNanos(2), 5);
        long handoversBefore = warmUp(pool);
        Periodic slow = new Periodic("job-slow", TimeUnit.MILLISECONDS.toNanos(10), 3, TimeUnit.MILLISECONDS.toNanos(200));
        Periodic fast = new Periodic("job-fast", TimeUnit.MILLISECONDS.toNanos(2), -1, 0);
        pool.place(slow);
        pool.place(fast);
        await("the slow job's 12th step", () -> slow.steps.get() >= 12);
        List<String> seen = slow.threads();
        assertEquals("ptimer-lane-0", seen.get(0), seen.toString());
        assertEquals("ptimer-lane-0", seen.get(2), "the blocking step began on the lane: " + seen);
        assertEquals("job-slow", seen.get(3), "after it, the job has a thread of its own: " + seen);
        assertEquals("ptimer-lane-0", seen.get(seen.size() - 1), "and is back on the lane after 5 short steps: " + seen);
        assertEquals(handoversBefore + 1, pool.handovers());
        assertTrue(fast.maxLate.get() < TimeUnit.MILLISECONDS.toNanos(100), "the other job went on while the slow one "
                + "blocked for 200 ms; it was late at most " + fast.maxLate.get() / 1000 + " µs");
        assertTrue(fast.threads().stream().allMatch(n -> n.equals("ptimer-lane-0")), "the fast job never left the lane");
        slow.stop = true;
        fast.stop = true;
        slow.wake();
        fast.wake();
        await("both jobs leave the lanes", () -> pool.jobs() == 0);
    }

    /**
     * Runs a job of short steps on the pool until the lane's code is loaded and warm, so that the steps
     * measured after it are not the lane's first (a cold first step on a busy machine may outlast the
     * long-step limit); returns the handovers so far.
     */
    private static long warmUp(LanePool pool) throws InterruptedException {
        Periodic warm = new Periodic("job-warm", TimeUnit.MILLISECONDS.toNanos(1), -1, 0);
        pool.place(warm);
        await("the warm-up job's 50th step", () -> warm.steps.get() >= 50);
        warm.stop = true;
        warm.wake();
        await("the warm-up job leaves", () -> pool.jobs() == 0);
        return pool.handovers();
    }

    /** A job that steps only when woken with work, and sometimes steps long. */
    private static final class Woken extends Job {
        final AtomicInteger pending = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicBoolean inStep = new AtomicBoolean();
        final AtomicInteger overlaps = new AtomicInteger();
        final int id;
        int steps;

        Woken(int id) {
            this.id = id;
        }

        @Override
        protected long step() {
            if (!inStep.compareAndSet(false, true)) {
                overlaps.incrementAndGet();
            }
            done.addAndGet(pending.getAndSet(0));
            if (++steps % 7 == id % 7) {
                sleep(TimeUnit.MILLISECONDS.toNanos(3));
            }
            inStep.set(false);
            return PARK;
        }

        @Override
        protected boolean hasWork() {
            return pending.get() > 0;
        }

        @Override
        protected long intervalNanos() {
            return TimeUnit.MILLISECONDS.toNanos(1);
        }

        @Override
        protected Precision precision() {
            return Precision.SLEEP;
        }

        @Override
        protected String threadName() {
            return "job-" + id;
        }

        @Override
        protected void carriedBy(Thread thread, long osThreadId) {
        }
    }

    @Test
    void wakesRacingHandOversAreNeitherLostNorRunTwiceAtOnce() throws Exception {
        LanePool pool = new LanePool(2, TimeUnit.MILLISECONDS.toNanos(1), 3);
        List<Woken> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Woken j = new Woken(i);
            jobs.add(j);
            pool.place(j);
        }
        int sent = 0;
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        while (System.nanoTime() < until) {
            Woken j = jobs.get(ThreadLocalRandom.current().nextInt(jobs.size()));
            j.pending.incrementAndGet();
            sent++;
            j.wake();
            if (sent % 8 == 0) {
                Thread.sleep(0, 200_000);
            }
        }
        int total = sent;
        await("every piece of work done", () -> jobs.stream().mapToInt(j -> j.done.get()).sum() == total);
        assertEquals(0, jobs.stream().mapToInt(j -> j.overlaps.get()).sum(), "a job stepped on two threads at once");
        assertTrue(pool.handovers() > 0, "long steps moved lanes to fresh carriers");
    }

    private static void sleep(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = until - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, 10, condition);
    }
}
