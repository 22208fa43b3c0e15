package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.LogReports;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Faulty routes and long control runs, observed through the agent's MBeans in a child JVM. */
class HardeningIT {
    private static final String H = "io.ptimer.agent.hosts.";

    @Test
    void aRouteThrowingEveryCallAt100usIsCountedAndLoggedSparingly() throws Exception {
        String args = "timer=name=boom;type=1;interval=100us,loop=timer=boom;route=" + H + "Faults::throwingLoop"
                + ",timer=name=ok;type=1;interval=10ms,loop=timer=ok;route=" + H + "Counter::loop";
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dhost.millis=3000", LogReports.FORMAT)
                .run(Duration.ofSeconds(60), H + "FaultsHost", "boom", "ok");
        assertEquals(0, r.exit(), r::toString);
        String[] boom = r.lines("WORKER boom 0").get(0).split(" ");
        long iterations = Long.parseLong(ChildJvm.field(boom, "iterations"));
        long errors = Long.parseLong(ChildJvm.field(boom, "errors"));
        assertTrue(iterations > 2000, "the failing loop keeps its pace: " + iterations);
        assertTrue(Math.abs(iterations - errors) <= 2, "every failing loop is counted: " + iterations + " / " + errors);
        LogReports.assertAtMostOneASecond(r.stderr(), "loop failed on purpose", 3);
        assertTrue(r.stderr().contains("more like it since the last report"), r::toString);
        String[] ok = r.lines("MBEAN ok").get(0).split(" ");
        assertTrue(Long.parseLong(ChildJvm.field(ok, "iterations")) >= 150, "other timers are unaffected: " + r);
        assertEquals("0", ChildJvm.field(ok, "errors"));
    }

    @Test
    void aBlockedRouteShowsWhereItIsStuckWhileTheOthersGoOn() throws Exception {
        String args = "shutdown_timeout=1s,timer=name=stuck;interval=10ms;nworkers=2,loop=timer=stuck;route=" + H
                + "Faults::blockingLoop,end=timer=stuck;route=" + H + "Faults::end"
                + ",timer=name=ok;type=1;interval=10ms,loop=timer=ok;route=" + H + "Counter::loop"
                + ",end=timer=ok;route=" + H + "Faults::end";
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Dhost.millis=2500")
                .run(Duration.ofSeconds(60), H + "FaultsHost", "stuck", "ok");
        assertEquals(0, r.exit(), r::toString);
        List<String> workers = r.lines("WORKER stuck");
        assertEquals(2, workers.size(), r::toString);
        for (String line : workers) {
            String[] w = line.split(" ");
            assertEquals("loop", ChildJvm.field(w, "state"), line);
            assertTrue(Long.parseLong(ChildJvm.field(w, "runningForUs")) > 1_500_000, line);
        }
        assertTrue(Long.parseLong(ChildJvm.field(r.lines("MBEAN ok").get(0).split(" "), "iterations")) >= 100, r::toString);
        assertEquals(1, r.events("end", "ok").size(), "the other timer's end route runs at shutdown");
        assertTrue(r.stderr().contains("workers still running: ptimer-stuck-0 (in loop), ptimer-stuck-1 (in loop)"),
                r::toString);
        assertTrue(r.elapsed().toMillis() < 30_000, "shutdown stays bounded: " + r.elapsed());
    }

    /**
     * Retained heap per start/end cycle that still counts as flat: half of one leaked {@code new Object()}
     * (16 bytes with compressed class pointers, plus its slot in a list).
     */
    private static final double FLAT_BYTES_PER_CYCLE = 8;

    @Test
    void aHundredThousandStartEndCyclesLeaveHeapAndThreadsFlat() throws Exception {
        ChildJvm.Result r = cycles("Counter");
        assertEquals(0, r.exit(), r::toString);
        assertHeapFlat(r);
        List<String> growth = r.lines("GROWTH");
        assertEquals(ChildJvm.field(growth.get(0).split(" "), "threads"), ChildJvm.field(growth.get(1).split(" "), "threads"),
                "thread count stays flat");
        assertEquals(List.of("COUNTS starts=100001 ends=100000"), r.lines("COUNTS"),
                "every request ran its route: the autostart plus one start and one end per cycle");
    }

    @Test
    void theHeapCheckCatchesOneSmallObjectLeakedPerCycle() throws Exception {
        ChildJvm.Result r = cycles("Counter$Leaky");
        assertEquals(0, r.exit(), r::toString);
        AssertionError caught = assertThrows(AssertionError.class, () -> assertHeapFlat(r),
                "a route keeping one Object per cycle must fail the heap check");
        assertTrue(caught.getMessage().contains("bytes per cycle"), caught::getMessage);
    }

    /** 100,000 start/end cycles of one synced slice timer whose routes are {@code routes}'s. */
    private static ChildJvm.Result cycles(String routes) throws Exception {
        String route = ";route=" + H + routes + "::";
        String args = "timer=name=g;type=3;interval=1s;ntasks=100;nslices=10,start=timer=g" + route + "start"
                + ",loop=timer=g" + route + "loop,end=timer=g" + route + "end";
        // The serial collector's full GC compacts everything: used heap after it is what is retained.
        return new ChildJvm().agent(args).jvm("-Xmx256m", "-XX:+UseSerialGC", "-Dhost.cycles=100000")
                .run(Duration.ofMinutes(4), H + "GrowthHost");
    }

    /** Heap retained after full GCs grows by less than {@link #FLAT_BYTES_PER_CYCLE} per cycle. */
    private static void assertHeapFlat(ChildJvm.Result r) {
        List<String> growth = r.lines("GROWTH");
        assertEquals(2, growth.size(), r::toString);
        String[] early = growth.get(0).split(" ");
        String[] late = growth.get(1).split(" ");
        long heapEarly = Long.parseLong(ChildJvm.field(early, "heap"));
        long heapLate = Long.parseLong(ChildJvm.field(late, "heap"));
        long cycles = Long.parseLong(late[1]) - Long.parseLong(early[1]);
        double perCycle = (double) (heapLate - heapEarly) / cycles;
        assertTrue(perCycle < FLAT_BYTES_PER_CYCLE, String.format("heap grew from %d to %d bytes over %d cycles: "
                + "%.1f bytes per cycle (flat means < %.0f)", heapEarly, heapLate, cycles, perCycle, FLAT_BYTES_PER_CYCLE));
    }
}
