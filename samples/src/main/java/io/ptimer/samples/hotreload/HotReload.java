package io.ptimer.samples.hotreload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ptimer.samples.calls.Operator;
import io.ptimer.samples.calls.RunClock;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hot-reload tasks (Kamailio ptimer module documentation, section 6.3.2): the application serves
 * task data on its own HTTP API
 * ({@link TaskApi}); timer {@code t1}'s start route fetches it with the JDK's HTTP client and parses
 * it with Jackson, and its loop handles one slice of the tasks every 100 ms ({@link TaskLoader}).
 * Four seconds in, new data is put to the API and {@code start t1} (over JMX, like the example's
 * postback) makes the worker load it without a restart. With {@code --manual} an operator does
 * both. The outcome is read from what the routes loaded and handled. Exits 1 if a check failed.
 *
 * <p>Run with {@code -javaagent:agent/target/ptimer-agent.jar=config=samples/config/hot-reload.cfg};
 * options {@code --seconds N} (default 8, or 60 with {@code --manual}) and {@code --manual}.
 */
public final class HotReload {
    static final DataSet FIRST = DataSet.of(20, 100, 100);
    static final DataSet SECOND = DataSet.of(35, 10_000, 10);

    private HotReload() {
    }

    public static void main(String[] args) throws Exception {
        boolean manual = List.of(args).contains("--manual");
        int seconds = RunClock.option(args, "seconds", manual ? 60 : 8);
        TaskApi api = TaskApi.start(FIRST);
        try {
            run(api, manual, seconds);
        } finally {
            api.stop();
        }
    }

    private static void run(TaskApi api, boolean manual, int seconds) throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        System.out.println("hot-reload tasks: t1 type=3 interval=100ms nslices=10, data from " + api.dataUri());
        System.out.println("  data: " + FIRST.len() + " tasks, a = 100 .. 2000");
        System.out.println("  " + Operator.send("start", "t1") + " (t1 has autostart=0: it starts once its API serves)");
        if (manual) {
            System.out.println("pid " + ProcessHandle.current().pid() + "; from another terminal:");
            System.out.println("  curl -X PUT --data '" + json.writeValueAsString(DataSet.of(3, 7, 1)) + "' " + api.dataUri());
            System.out.println("  " + Operator.commandLine("start", "t1"));
        }
        System.out.printf("%4s %6s %8s %8s %10s %s%n", "s", "loads", "handled", "distinct", "sum of a", "range of a");
        RunClock clock = new RunClock();
        int seen = 0;
        for (int s = 1; s <= seconds; s++) {
            clock.awaitSecond(s);
            List<HandledTasks.Handled> all = HandledTasks.handled();
            List<HandledTasks.Handled> fresh = all.subList(seen, all.size());
            seen = all.size();
            System.out.printf("%4d %6d %8d %8d %10d %s%n", s, HandledTasks.loads().size(), fresh.size(),
                    fresh.stream().mapToInt(HandledTasks.Handled::a).distinct().count(),
                    fresh.stream().mapToLong(HandledTasks.Handled::a).sum(),
                    fresh.isEmpty() ? "-" : fresh.stream().mapToInt(HandledTasks.Handled::a).min().getAsInt() + " .. "
                            + fresh.stream().mapToInt(HandledTasks.Handled::a).max().getAsInt());
            if (!manual && s == 4) {
                put(api, json.writeValueAsBytes(SECOND));
                System.out.println("     PUT " + api.dataUri() + ": " + SECOND.len() + " tasks, a = 10000 .. 10340");
                System.out.println("     kamcmd ptimer.start t1: " + Operator.send("start", "t1"));
            }
        }
        Outcome outcome = Outcome.of(HandledTasks.loads(), HandledTasks.handled());
        System.out.println();
        System.out.println("outcome:");
        List<String[]> lines = outcome.lines(manual);
        lines.forEach(l -> System.out.printf("  %-40s %14s  %-22s %s%n", (Object[]) l));
        System.out.println(outcome.figures());
        boolean ok = lines.stream().allMatch(l -> l[3].equals("ok"));
        System.out.println(ok ? "all checks passed" : "SOME CHECKS FAILED");
        System.out.flush();
        if (!ok) {
            System.exit(1);
        }
    }

    private static void put(TaskApi api, byte[] body) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.dataUri())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 204) {
            throw new IOException("PUT " + api.dataUri() + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * What the routes did with each load: whether every task handled belonged to the data of its
     * load, and whether every task of a load was handled equally often (full passes, give or take
     * the pass in progress).
     */
    record Outcome(int loads, boolean secondIsNew, long foreign, long staleAfterReload, int unevenLoads,
            long handledLast, int lastLen, int lastMin, int lastMax) {

        static Outcome of(List<DataSet> loads, List<HandledTasks.Handled> handled) {
            long foreign = 0;
            long stale = 0;
            int uneven = 0;
            boolean reloaded = false;
            int last = loads.size();
            List<Map<Integer, Integer>> counts = new ArrayList<>();
            loads.forEach(l -> {
                Map<Integer, Integer> m = new HashMap<>();
                l.data().forEach(i -> m.put(i.a(), 0));
                counts.add(m);
            });
            for (HandledTasks.Handled h : handled) {
                reloaded |= h.load() == last;
                if (reloaded && h.load() != last) {
                    stale++;
                }
                Integer n = counts.get(h.load() - 1).get(h.a());
                if (n == null) {
                    foreign++;
                } else {
                    counts.get(h.load() - 1).put(h.a(), n + 1);
                }
            }
            int min = 0;
            int max = 0;
            for (Map<Integer, Integer> m : counts) {
                min = m.values().stream().mapToInt(Integer::intValue).min().orElse(0);
                max = m.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                if (max - min > 1 || min == 0) {
                    uneven++;
                }
            }
            boolean secondIsNew = loads.size() >= 2 && loads.get(1).equals(SECOND);
            long handledLast = handled.stream().filter(h -> h.load() == last).count();
            return new Outcome(loads.size(), secondIsNew, foreign, stale, uneven, handledLast,
                    loads.isEmpty() ? 0 : loads.get(last - 1).len(), min, max);
        }

        List<String[]> lines(boolean manual) {
            boolean loadsOk = manual ? loads >= 1 : loads == 2 && secondIsNew;
            return List.of(
                    row("data sets loaded by the start route", String.valueOf(loads), manual ? ">= 1" : "2, the second new", loadsOk),
                    row("tasks of the last load (ntasks = len)", String.valueOf(lastLen), "", true),
                    row("each of its tasks handled", lastMin + " .. " + lastMax + " times", "all, evenly (+-1)", lastMin > 0 && lastMax - lastMin <= 1),
                    row("loads with a task missed or uneven", String.valueOf(unevenLoads), "0", unevenLoads == 0),
                    row("tasks not in their load's data", String.valueOf(foreign), "0", foreign == 0),
                    row("old tasks handled after the reload", String.valueOf(staleAfterReload), "0", staleAfterReload == 0));
        }

        String figures() {
            return String.format(Locale.ROOT, "figures loads=%d second_is_new=%b last_len=%d last_min=%d last_max=%d uneven_loads=%d foreign=%d stale_after_reload=%d handled_last=%d",
                    loads, secondIsNew, lastLen, lastMin, lastMax, unevenLoads, foreign, staleAfterReload, handledLast);
        }

        private static String[] row(String label, String value, String bound, boolean ok) {
            return new String[] {label, value, bound, ok ? "ok" : "FAILED"};
        }
    }
}
