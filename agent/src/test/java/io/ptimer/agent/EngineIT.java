package io.ptimer.agent;

import static io.ptimer.agent.support.ChildJvm.field;
import static io.ptimer.agent.support.ChildJvm.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.LogReports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Routes and timer semantics through the agent jar in a child JVM. Times are checked with generous tolerances only. */
class EngineIT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Less than one byte per loop over 10,000 loops: one allocated object per loop is 16 bytes or more. */
    private static final long NO_ALLOCATION_BYTES = 10_000;

    private static String timer(String name, String attrs, String start, String loop, String end) {
        StringBuilder b = new StringBuilder("timer=name=" + name + (attrs.isEmpty() ? "" : ";" + attrs));
        if (start != null) {
            b.append(",start=timer=").append(name).append(";route=").append(H).append(start);
        }
        b.append(",loop=timer=").append(name).append(";route=").append(H).append(loop);
        if (end != null) {
            b.append(",end=timer=").append(name).append(";route=").append(H).append(end);
        }
        return b.toString();
    }

    @Test
    void workersAreDaemonThreadsNamedAfterTimerAndWorker() throws Exception {
        ChildJvm.Result r = new ChildJvm().agent(timer("t.1", "interval=50ms;nworkers=3", null, "Jobs::loop", null))
                .jvm("-Dhost.millis=100", "-Dhost.threadsAfter=300").run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("THREAD ptimer-start daemon=true"), r.lines("THREAD ptimer-start"),
                "the thread that starts the timers as main begins and then waits to register the MBeans, a daemon");
        assertEquals(List.of("THREAD ptimer-t.1-0 daemon=true", "THREAD ptimer-t.1-1 daemon=true",
                "THREAD ptimer-t.1-2 daemon=true"), r.lines("THREAD ptimer-t.1-"), r::toString);
        assertEquals(List.of("LOADERS api=null agent=null"), r.lines("LOADERS"),
                "with -javaagent the API and the agent come from the bootstrap class path, once for every loader");
        assertTrue(r.lines("THREAD").stream().allMatch(l -> l.endsWith(" daemon=true")), r::toString);
    }

    @Test
    void contextShowsEveryAttributeAndInstancesAreSharedPerWorkerAndCycle() throws Exception {
        ChildJvm.Result r = new ChildJvm()
                .agent(timer("t1", "type=1;interval=40ms;nworkers=2;ntasks=25", "Jobs::start", "Jobs::loop", "Jobs::end"))
                .jvm("-Djobs.loops=3").run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        Set<String> pids = new HashSet<>();
        for (int w = 0; w < 2; w++) {
            List<String[]> starts = r.events("start", "t1", w);
            assertEquals(1, starts.size(), r::toString);
            String[] s = starts.get(0);
            assertEquals("SYNC/1", field(s, "type"));
            assertEquals("40ms", field(s, "interval"));
            assertEquals("2", field(s, "nworkers"));
            assertEquals("25", field(s, "ntasks"));
            assertEquals("25", field(s, "tasks"));
            assertEquals("1", field(s, "nslices"));
            assertEquals("0", field(s, "slice"));
            assertEquals("1", field(s, "vars"));
            pids.add(field(s, "pid"));
            if (!field(s, "slack").equals("unknown")) {
                assertEquals("1", field(s, "slack"), "the worker lowered its own timer slack to 1 ns");
            }
            String instance = field(s, "instance");
            List<String[]> loops = r.events("loop", "t1", w);
            assertEquals(3, loops.size(), r::toString);
            for (String[] l : loops) {
                assertEquals(instance, field(l, "instance"), "loop runs on the start route's instance");
                assertEquals("25", field(l, "tasks"));
            }
            String[] end = r.events("end", "t1", w).get(0);
            assertEquals(instance, field(end, "instance"));
            assertEquals("3", field(end, "loops"));
            assertEquals("3", field(end, "vars.loops"), "vars are kept from start to end");
        }
        assertEquals(2, pids.size(), "each worker has its own OS thread id");
        assertNotEquals(field(r.events("start", "t1", 0).get(0), "instance"),
                field(r.events("start", "t1", 1).get(0), "instance"), "one instance per worker");
        assertEquals(1, r.events("end", "t1", 0).size(), "after end the worker stays paused");
    }

    @Test
    void everyRouteFormRuns() throws Exception {
        String args = String.join(",",
                timer("a", "interval=20ms", null, "Forms::staticInt", "Forms::end"),
                timer("b", "interval=20ms", "Forms::staticVoid", "Forms::staticBoolean", "Forms::end"),
                timer("c", "interval=20ms", null, "Forms$Instance::loop", "Forms::end"),
                timer("d", "interval=20ms", null, "Forms$Tick", "Forms::end"),
                timer("e", "interval=20ms", null, "Forms$Instance::plain", "Forms::end"));
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dhost.millis=800").run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(2, r.events("loop", "a").size(), "int route: -1 on the second loop jumps to end");
        assertEquals(1, r.events("end", "a").size());
        assertEquals(1, r.lines("EV form staticVoid").size(), r::toString);
        assertEquals(2, r.lines("EV form staticBoolean").size(), "boolean route: false jumps to end");
        assertEquals(1, r.events("end", "b").size());
        assertEquals(3, r.events("loop", "c").size(), "instance boolean route");
        assertEquals(1, r.events("end", "c").size());
        assertEquals(2, r.events("loop", "d").size(), "Route class returning END");
        assertEquals(1, r.events("end", "d").size());
        assertEquals(List.of("EV form instancePlain n=1", "EV form instancePlain n=2", "EV form instancePlain n=3"),
                r.lines("EV form instancePlain"), "instance route without argument: one instance, -1 jumps to end");
        assertEquals(1, r.events("end", "e").size());
    }

    @Test
    void basicSleepsFirstAndSyncRunsAtOnceOnAGrid() throws Exception {
        String args = String.join(",",
                timer("basic", "type=0;interval=50ms", "Jobs::start", "Faults::busy", null),
                timer("sync", "type=1;interval=50ms", "Jobs::start", "Faults::busy", null),
                timer("basicFirst", "type=0;interval=1s", "Jobs::start", "Faults::busy", null),
                timer("syncFirst", "type=1;interval=1s", "Jobs::start", "Faults::busy", null));
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dfaults.work=10", "-Dhost.millis=1500")
                .run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        // Waiting cannot be shortened by a busy machine, only lengthened: lower bounds are exact, and an
        // upper bound only has to stay below what the bug would give (a whole interval of 1 s).
        double basicFirst = time(r.events("loop", "basicFirst").get(0)) - time(r.events("start", "basicFirst").get(0));
        double syncFirst = time(r.events("loop", "syncFirst").get(0)) - time(r.events("start", "syncFirst").get(0));
        assertTrue(basicFirst >= 995, "basic sleeps one interval before its first loop: " + basicFirst);
        assertTrue(syncFirst < 500, "sync runs its first loop at once: " + syncFirst);
        // With 10 ms of work per loop, a basic period is 60 ms or more; a sync one 50 ms. The median
        // period ignores the few loops a loaded machine delays (a late loop is followed by a short gap).
        double basicPeriod = medianPeriod(r.events("loop", "basic"));
        double syncPeriod = medianPeriod(r.events("loop", "sync"));
        assertTrue(basicPeriod >= 59, "basic sleeps a whole interval after 10 ms of work: " + basicPeriod);
        assertTrue(syncPeriod < 55, "sync keeps its 50 ms grid despite 10 ms of work: " + syncPeriod);
    }

    @Test
    void syncOverrunStartsAtOnceWithoutCatchUpBurst() throws Exception {
        // Loop 3 works 210 ms on a 100 ms grid: waiting for the grid would start loop 4 90 ms after it
        // ends; catching up would run two loops back to back.
        ChildJvm.Result r = new ChildJvm().agent(timer("s", "type=1;interval=100ms", null, "Faults::slowOnce", null))
                .jvm("-Dfaults.longLoop=3", "-Dfaults.work=210", "-Dhost.millis=1500").run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        List<String[]> loops = r.events("loop", "s");
        assertTrue(loops.size() >= 8, r::toString);
        double longEnd = time(loops.get(2)) + 210;
        double next = time(loops.get(3));
        assertTrue(next - longEnd < 60, "after an overrun the next loop starts at once: " + (next - longEnd));
        for (int i = 4; i < 7; i++) {
            double gap = time(loops.get(i)) - time(loops.get(i - 1));
            assertTrue(gap > 40, "no catch-up burst after an overrun: gap " + gap + " ms before loop " + (i + 1));
        }
    }

    @Test
    void slicesFollowTheSeedFormulaStartingAtTheSliceSetInStart() throws Exception {
        String args = String.join(",",
                timer("sl", "type=2;interval=20ms;nworkers=2;ntasks=10;nslices=3", "Jobs::start", "Jobs::loop", null),
                timer("ss", "type=3;interval=20ms;ntasks=10;nslices=3", "Faults::setters", "Jobs::loop", null),
                timer("plain", "type=1;interval=20ms;ntasks=10;nslices=3", null, "Jobs::loop", null));
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Djobs.loops=7", "-Dhost.millis=800")
                .run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        int[] shares = {3, 3, 4};
        for (int w = 0; w < 2; w++) {
            List<String[]> loops = r.events("loop", "sl", w);
            assertEquals(7, loops.size(), r::toString);
            for (int i = 0; i < loops.size(); i++) {
                int slice = i % 3;
                assertEquals(String.valueOf(slice), field(loops.get(i), "slice"), "worker " + w + " loop " + i);
                assertEquals(String.valueOf(shares[slice]), field(loops.get(i), "tasks"));
            }
        }
        List<String[]> ss = r.events("loop", "ss");
        assertEquals("4", field(ss.get(0), "slice"), "the first loop works on the slice set in start");
        assertEquals("10", field(ss.get(0), "tasks"), "ntasks=50 in 5 slices");
        assertEquals("0", field(ss.get(1), "slice"));
        for (String[] l : r.events("loop", "plain")) {
            assertEquals("0", field(l, "slice"), "sync without slices stays on slice 0");
            assertEquals("10", field(l, "tasks"), "tasks is ntasks for types 0 and 1");
        }
    }

    @Test
    void settersWorkInStartOnlyAndCheckTheirRanges() throws Exception {
        ChildJvm.Result r = new ChildJvm()
                .agent(timer("set", "type=1;interval=1s;ntasks=10;nslices=3", "Faults::setters", "Faults::settersInLoop", null))
                .jvm("-Dhost.millis=400").run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        List<String> start = r.lines("EV start set 0");
        assertTrue(start.stream().anyMatch(l -> l.endsWith("IAE tasks 51 is not allowed: it must be within 0..50 (ntasks)")), r::toString);
        assertTrue(start.stream().anyMatch(l -> l.endsWith("IAE slice 5 is not allowed: it must be within 0..4 (nslices - 1)")), r::toString);
        assertTrue(start.stream().anyMatch(l -> l.endsWith("IAE nslices 0 is not allowed: it must be >= 1")), r::toString);
        assertTrue(start.stream().anyMatch(l -> l.endsWith("IAE ntasks -1 is not allowed: it must be >= 0")), r::toString);
        assertTrue(start.stream().anyMatch(l -> l.endsWith("IAE interval PT0S is not allowed: it must be > 0")), r::toString);
        List<String> loop = r.lines("EV loop set 0");
        assertTrue(loop.stream().anyMatch(l -> l.endsWith("ISE cannot set ntasks to 3 on timer \"set\" worker 0: "
                + "it can be set only inside the start route, on the worker's own thread")), r::toString);
        assertTrue(loop.stream().anyMatch(l -> l.endsWith("ntasks=50 nslices=5 slice=4 tasks=50 interval=30ms")), r::toString);
    }

    @Test
    void routeExceptionsAreCountedLoggedAndSurvived() throws Exception {
        String args = String.join(",",
                timer("fs", "interval=20ms", "Faults::throwingStart", "Jobs::loop", "Faults::end"),
                timer("fl", "type=1;interval=1ms", null, "Faults::throwingLoop", null),
                timer("fe", "interval=20ms", null, "Forms::staticInt", "Faults::throwingEnd"),
                timer("ok", "interval=20ms", null, "Jobs::loop", null));
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dhost.millis=1200", LogReports.FORMAT)
                .run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, r.events("start", "fs").size());
        assertEquals(0, r.events("loop", "fs").size(), "a failing start jumps to end");
        assertEquals(1, r.events("end", "fs").size());
        assertTrue(r.events("loop", "fl").size() >= 20, "a failing loop goes on: " + r.events("loop", "fl").size());
        assertEquals(1, r.events("end", "fe").size(), "a failing end leaves the worker paused");
        assertTrue(r.events("loop", "ok").size() >= 20, "other timers go on");
        LogReports.assertAtMostOneASecond(r.stderr(), "loop failed on purpose", 1);
        assertTrue(r.stderr().contains("ptimer: timer \"fs\" worker 0: start route " + H
                + "Faults::throwingStart threw java.lang.IllegalStateException: start failed on purpose"), r::toString);
        assertTrue(r.stderr().contains("more like it since the last report"), r::toString);
    }

    @Test
    void endRoutesRunWhenTheJvmShutsDown() throws Exception {
        String args = String.join(",",
                timer("a", "interval=30ms;nworkers=2", "Jobs::start", "Jobs::loop", "Jobs::end"),
                timer("b", "type=1;interval=10s", "Jobs::start", "Jobs::loop", "Jobs::end"));
        ChildJvm.Result returned = new ChildJvm().agent(args).jvm("-Dhost.millis=300").run(TIMEOUT, H + "Host");
        assertEquals(0, returned.exit(), returned::toString);
        assertEquals(2, returned.events("end", "a").size(), "main returned: every worker ran its end route");
        assertEquals(1, returned.events("end", "b").size(), "a worker sleeping 10 s is woken for its end route");
        ChildJvm.Result exited = new ChildJvm().agent(args).jvm("-Dhost.millis=300", "-Dhost.exit=3")
                .run(TIMEOUT, H + "Host");
        assertEquals(3, exited.exit(), exited::toString);
        assertEquals(2, exited.events("end", "a").size(), "System.exit: every worker ran its end route");
        assertEquals(1, exited.events("end", "b").size());
    }

    @Test
    void aBlockedRouteDelaysShutdownOnlyUpToTheBound() throws Exception {
        String args = "shutdown_timeout=1s," + String.join(",",
                timer("stuck", "interval=10ms", null, "Faults::blockingLoop", "Faults::end"),
                timer("fine", "interval=10ms", "Jobs::start", "Jobs::loop", "Jobs::end"));
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dhost.millis=300").run(TIMEOUT, H + "Host");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, r.events("end", "fine").size(), "other workers' end routes run");
        assertEquals(0, r.events("end", "stuck").size());
        assertTrue(r.stderr().contains("ptimer: shutdown timeout 1s reached; workers still running: ptimer-stuck-0 (in loop)"),
                r::toString);
        assertTrue(r.elapsed().toMillis() < 20_000, "shutdown is bounded: " + r.elapsed());
    }

    /** Every loop route form, each on its own timer; with the four types and three precisions covered among them. */
    private static final List<String> FORMS = List.of("AllocationProbe::staticVoid", "AllocationProbe::staticInt",
            "AllocationProbe::staticBoolean", "AllocationProbe::staticVoidCtx", "AllocationProbe::staticIntCtx",
            "AllocationProbe::staticBooleanCtx", "AllocationProbe$Instance::instanceVoid",
            "AllocationProbe$Instance::instanceInt", "AllocationProbe$Instance::instanceBoolean",
            "AllocationProbe$Instance::instanceVoidCtx", "AllocationProbe$Instance::instanceIntCtx",
            "AllocationProbe$Instance::instanceBooleanCtx", "AllocationProbe$Run");

    @Test
    void noLoopAllocatesForAnyTypePrecisionOrRouteForm() throws Exception {
        List<String> timers = new ArrayList<>();
        Map<String, String> what = new TreeMap<>();
        String[] precisions = {"sleep", "hybrid", "spin"};
        for (int i = 0; i < FORMS.size(); i++) {
            int type = i % 4;
            String precision = precisions[(i / 4) % 3];
            String name = "p" + i;
            timers.add(timer(name, "type=" + type + ";precision=" + precision + ";interval=200us;ntasks=10;nslices=3",
                    null, FORMS.get(i), null));
            what.put("ptimer-" + name + "-0", "type " + type + ", " + precision + ", " + FORMS.get(i));
        }
        timers.add(timer("leak", "type=1;interval=200us", null, "AllocationProbe::allocating", null));
        ChildJvm.Result r = new ChildJvm().agent(String.join(",", timers))
                .jvm("-Dprobe.reports=" + (FORMS.size() + 1)).run(Duration.ofMinutes(3), H + "AllocationProbe");
        assertEquals(0, r.exit(), r::toString);
        Map<String, Long> bytes = new TreeMap<>();
        for (String line : r.lines("ALLOC ")) {
            String[] words = line.split(" ");
            bytes.put(words[1], Long.parseLong(field(words, "bytes")));
        }
        assertEquals(FORMS.size() + 1, bytes.size(), r::toString);
        Set<String> covered = new HashSet<>();
        what.forEach((thread, form) -> covered.add(form.substring(0, form.lastIndexOf(','))));
        assertEquals(12, covered.size(), "every type with every precision: " + covered);
        for (Map.Entry<String, String> e : what.entrySet()) {
            long b = bytes.get(e.getKey());
            assertTrue(b < NO_ALLOCATION_BYTES, "10,000 loops (" + e.getValue() + ") allocated " + b
                    + " bytes: something on the loop path allocates");
        }
        assertTrue(bytes.get("ptimer-leak-0") >= 10_000 * 16L,
                "the probe sees a route's own object per loop: " + bytes.get("ptimer-leak-0"));
    }

    private static double medianPeriod(List<String[]> loops) {
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < loops.size(); i++) {
            gaps.add(time(loops.get(i)) - time(loops.get(i - 1)));
        }
        gaps.sort(null);
        return gaps.get(gaps.size() / 2);
    }
}
