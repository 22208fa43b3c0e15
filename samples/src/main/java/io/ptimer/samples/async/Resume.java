package io.ptimer.samples.async;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code async_route("RESUME", "4")} then {@code route[RESUME] { send_reply("404", "Not found"); }}:
 * a request is suspended in shared memory (here a queue, as all wait the same 4 s) and the route,
 * run 4 s later on an async timer thread, takes it and answers it.
 */
public final class Resume {
    static final Queue<Request> SUSPENDED = new ConcurrentLinkedQueue<>();
    static final List<String> ANSWERED = new CopyOnWriteArrayList<>();

    private Resume() {
    }

    /** route[RESUME]. */
    public static void resume() {
        Request r = SUSPENDED.poll();
        if (r != null) {
            String line = String.format(java.util.Locale.ROOT, "RESUME  request %d from %s answered 404 Not found after %.1f ms on %s",
                    r.id(), r.from(), r.ageMillis(), Thread.currentThread().getName());
            ANSWERED.add(line);
            System.out.println(line);
        }
    }
}
