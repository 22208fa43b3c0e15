package io.ptimer.agent.hosts;

import io.ptimer.api.TimerContext;

/** Routes that fail, block or misuse the context. */
public class Faults {
    private int loops;

    public static void throwingStart(TimerContext ctx) {
        Events.emit("start", ctx);
        throw new IllegalStateException("start failed on purpose");
    }

    public int throwingLoop(TimerContext ctx) {
        loops++;
        if (loops % 10 == 0) {
            Events.emit("loop", ctx, "n=" + loops);
        }
        throw new IllegalStateException("loop failed on purpose " + loops);
    }

    public static void throwingEnd(TimerContext ctx) {
        Events.emit("end", ctx);
        throw new IllegalStateException("end failed on purpose");
    }

    public static void blockingLoop(TimerContext ctx) throws InterruptedException {
        Events.emit("loop", ctx, "blocking");
        Thread.sleep(3_600_000);
    }

    public static void end(TimerContext ctx) {
        Events.emit("end", ctx);
    }

    /** Tries the setters: valid and invalid values in start, and any value in loop. */
    public static void setters(TimerContext ctx) {
        ctx.ntasks(50);
        ctx.nslices(5);
        ctx.slice(4);
        ctx.interval(java.time.Duration.ofMillis(30));
        try {
            ctx.tasks(51);
        } catch (IllegalArgumentException e) {
            Events.emit("start", ctx, "IAE " + e.getMessage());
        }
        try {
            ctx.slice(5);
        } catch (IllegalArgumentException e) {
            Events.emit("start", ctx, "IAE " + e.getMessage());
        }
        try {
            ctx.nslices(0);
        } catch (IllegalArgumentException e) {
            Events.emit("start", ctx, "IAE " + e.getMessage());
        }
        try {
            ctx.ntasks(-1);
        } catch (IllegalArgumentException e) {
            Events.emit("start", ctx, "IAE " + e.getMessage());
        }
        try {
            ctx.interval(java.time.Duration.ZERO);
        } catch (IllegalArgumentException e) {
            Events.emit("start", ctx, "IAE " + e.getMessage());
        }
        Events.emit("start", ctx, "set");
    }

    public static int settersInLoop(TimerContext ctx) {
        try {
            ctx.ntasks(3);
        } catch (IllegalStateException e) {
            Events.emit("loop", ctx, "ISE " + e.getMessage());
        }
        Events.emit("loop", ctx, "ntasks=" + ctx.ntasks(), "nslices=" + ctx.nslices(), "slice=" + ctx.slice(),
                "tasks=" + ctx.tasks(), "interval=" + ctx.interval().toMillis() + "ms");
        return -1;
    }

    /** Works {@code faults.work} ms in loop number {@code faults.longLoop} (1-based), a few ms otherwise. */
    public int slowOnce(TimerContext ctx) throws InterruptedException {
        loops++;
        Events.emit("loop", ctx, "n=" + loops);
        if (loops == Integer.getInteger("faults.longLoop", 3)) {
            Thread.sleep(Long.getLong("faults.work", 200));
        }
        return 1;
    }

    /** Works {@code faults.work} ms each loop. */
    public void busy(TimerContext ctx) throws InterruptedException {
        Events.emit("loop", ctx);
        Thread.sleep(Long.getLong("faults.work", 10));
    }
}
