package io.ptimer.samples.async;

import io.ptimer.api.Async;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The usages of Kamailio's async module documentation in one request handler. Requests arrive for
 * {@code --seconds} (default 4) from callers of two domains; each is handled as the documentation's
 * examples do: every tenth is suspended with {@code async_route("RESUME", "4")} and answered 404 by
 * the route 4 s later; every request is shaped by a leaky bucket per From domain
 * ({@code async_ms_sleep} holds it, then it is relayed); its caller and callee are logged with
 * {@code async_task_data} on the group {@code abc}; and an {@code async_tkv_emit} event per request is
 * counted by the event route. Prints a {@code figures} line and exits 1 if a check failed.
 *
 * <p>Run with {@code -javaagent:agent/target/ptimer-agent.jar=config=samples/config/async.cfg}.
 */
public final class AsyncDemo {
    private static final String P = "io.ptimer.samples.async.";
    private static final int RATE = 20;
    private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin"};

    private AsyncDemo() {
    }

    public static void main(String[] args) throws InterruptedException {
        int seconds = 4;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--seconds")) {
                seconds = Integer.parseInt(args[i + 1]);
            }
        }
        RequestShaper shaper = new RequestShaper(RATE);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        System.out.println("async demo: 30 requests/s for " + seconds + " s from two domains, each shaped to " + RATE
                + "/s; every tenth suspended 4 s");
        long start = System.nanoTime();
        int id = 0;
        int suspended = 0;
        for (long next = start; next - start < TimeUnit.SECONDS.toNanos(seconds); next += TimeUnit.MILLISECONDS.toNanos(33)) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            Request r = new Request(++id, USERS[random.nextInt(USERS.length)], USERS[random.nextInt(USERS.length)],
                    System.nanoTime());
            String domain = id % 3 == 0 ? "b.example" : "a.example";
            if (id % 10 == 0) {
                Resume.SUSPENDED.add(r);
                Async.route(P + "Resume::resume", 4);
                suspended++;
            } else {
                shaper.shape(r, domain);
            }
            Async.taskGroupData(P + "CallLog::log", "abc", "caller: " + r.from() + " - callee: " + r.to());
            Async.tkvEmit(8000, "call", "caller='" + r.from() + "';callee='" + r.to() + "'");
        }
        int requests = id;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((Resume.ANSWERED.size() < suspended || shaper.relayed().size() < requests - suspended
                || CallLog.LOGGED.get() < requests || CallEvents.total() < requests) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        System.exit(report(requests, suspended, shaper.relayed()) ? 0 : 1);
    }

    private static boolean report(int requests, int suspended, List<RequestShaper.Relay> relays) {
        double resumeMin = Double.MAX_VALUE;
        double resumeMax = 0;
        for (String line : Resume.ANSWERED) {
            double ms = Double.parseDouble(line.replaceAll(".* after ([0-9.]+) ms .*", "$1"));
            resumeMin = Math.min(resumeMin, ms);
            resumeMax = Math.max(resumeMax, ms);
        }
        long delayed = relays.stream().filter(r -> r.delayMillis() > 0).count();
        long early = relays.stream().filter(r -> r.relayed() - r.arrived() < TimeUnit.MILLISECONDS.toNanos(r.delayMillis()))
                .count();
        long onTimer = relays.stream().filter(r -> r.delayMillis() > 0 && r.thread().startsWith("async-timer-")).count();
        double lateMax = relays.stream().filter(r -> r.delayMillis() > 0)
                .mapToDouble(r -> (r.relayed() - r.arrived()) / 1e6 - r.delayMillis()).max().orElse(0);
        String figures = String.format(Locale.ROOT, "figures requests=%d suspended=%d answered=%d resume_min_ms=%.1f"
                        + " resume_max_ms=%.1f relayed=%d delayed=%d delayed_on_async_timer=%d early=%d shaper_late_max_ms=%.2f"
                        + " logged=%d events=%d",
                requests, suspended, Resume.ANSWERED.size(), suspended == 0 ? 0 : resumeMin, resumeMax, relays.size(),
                delayed, onTimer, early, lateMax, CallLog.LOGGED.get(), CallEvents.total());
        System.out.println(figures);
        return Resume.ANSWERED.size() == suspended && relays.size() == requests - suspended && early == 0
                && CallLog.LOGGED.get() == requests && CallEvents.total() == requests
                && resumeMin >= 4000;
    }
}
