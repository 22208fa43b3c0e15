package io.ptimer.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.async.AsyncSystem;
import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.core.CoreSystem;
import io.ptimer.agent.ptimer.PtimerSystem;
import io.ptimer.agent.rtimer.RtimerSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry of timer systems: entries reach their system, systems are made only when used, listings keep its order. */
class EngineTest {
    private static final String ROUTE = "io.ptimer.agent.hosts.QuietHost::tick";
    private static final String PTIMER = "timer=name=t;interval=1s,loop=timer=t;route=" + ROUTE;
    private static final String RTIMER = "rtimer.timer=name=r;interval=1,rtimer.exec=timer=r;route=" + ROUTE;

    private final List<Engine> engines = new ArrayList<>();
    /** The systems published, by name, in the order handed over. */
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final Publisher recorder = new Publisher() {
        @Override
        public void ptimer(PtimerSystem system) {
            published.add("ptimer");
        }

        @Override
        public void rtimer(RtimerSystem system) {
            published.add("rtimer");
        }

        @Override
        public void core(CoreSystem system) {
            published.add("core");
        }

        @Override
        public void async(AsyncSystem system) {
            published.add("async");
        }
    };

    private Engine engine() {
        Engine e = new Engine(null);
        engines.add(e);
        return e;
    }

    @AfterEach
    void shutdown() {
        engines.forEach(Engine::shutdown);
    }

    @Test
    void aSystemThatNoEntryLoadsIsNeverMadeNorPublishedNorListed() throws Exception {
        Engine engine = engine();
        assertEquals(List.of("t"), engine.load(PTIMER + ",shutdown_timeout=2s,rtimer.default_interval=5s"));
        engine.publish(recorder);
        assertTrue(engine.list().startsWith("timer t: type=0 (basic) interval=1s"), engine.list());
        assertEquals("no rtimers loaded\n", engine.list("rtimer"));
        assertEquals("no core timers loaded\n", engine.list("core"));
        assertEquals("no asyncs loaded\n", engine.list("async"));
        assertEquals("no clusters loaded\n", engine.list("cluster"));
        Systems systems = engine.systems();
        assertNull(systems.rtimer.existing(), "rtimer entries without a timer make no rtimer system");
        assertNull(systems.core.existing());
        assertNull(systems.async.existing());
        assertEquals(List.of("ptimer"), published);

        assertNotNull(engine.core(), "application code's first core timer makes the system");
        assertEquals(List.of("ptimer", "core"), published, "a system made later is published then");
    }

    @Test
    void anEmptyEngineListsNothing() {
        Engine engine = engine();
        assertEquals("no timers loaded\n", engine.list());
        assertEquals("no timers loaded\n", engine.list("ptimer"));
        assertEquals("no listing \"mqueue\" (listings: ptimer, cluster, rtimer, core, async)",
                assertThrows(IllegalArgumentException.class, () -> engine.list("mqueue")).getMessage());
    }

    @Test
    void theListingAndTheLoadReplyFollowTheRegistryNotTheConfiguration() throws Exception {
        Engine engine = engine();
        assertEquals(List.of("t", "rtimer r"), engine.load(RTIMER + ",async.workers=1," + PTIMER));
        String all = steady(engine.list());
        int ptimer = all.indexOf("timer t: ");
        int rtimer = all.indexOf("rtimer r: ");
        int async = all.indexOf("async timer_threads=1 ");
        assertTrue(ptimer == 0 && ptimer < rtimer && rtimer < async, all);
        assertTrue(engine.list("rtimer").startsWith("rtimer r: mode=0 interval=1s exec="), engine.list("rtimer"));
        assertEquals(all.substring(rtimer, async), steady(engine.list("rtimer")));
        assertEquals(all.substring(async), steady(engine.list("async")));
        assertEquals(all.substring(0, rtimer), steady(engine.list("ptimer")));
        engine.publish(recorder);
        assertEquals(List.of("ptimer", "rtimer", "async"), published);
    }

    /** A listing without the figures a starting worker changes between two calls: its pid and its state. */
    private static String steady(String listing) {
        return listing.replaceAll("pid=\\d+", "pid=?").replaceAll("state=\\w+", "state=?");
    }

    @Test
    void entriesNoSystemTakesStillFailAsBeforeAndChangeNothing() {
        Engine engine = engine();
        assertEquals("bogus \"1\": unknown key \"bogus\" (known: default_type, default_interval, default_nworkers,"
                + " timer, start, loop, end, shutdown_timeout, late_binding, cluster, config)", refused(engine, "bogus=1"));
        assertTrue(refused(engine, "rtimer.bogus=1").startsWith("rtimer.bogus \"1\": unknown rtimer key \"bogus\""));
        assertEquals("mqueue.size \"1\": module \"mqueue\" is not ptimer, rtimer or async", refused(engine, "mqueue.size=1"));
        assertTrue(refused(engine, "async_workers=0").startsWith("async_workers \"0\": async_workers must be"));
        assertTrue(refused(engine, RTIMER + ",shutdown_timeout=soon").startsWith("shutdown_timeout \"soon\": "));
        assertEquals("late_binding \"2\": late_binding must be an integer from 0 to 1, not 2",
                refused(engine, "late_binding=2"));
        assertNull(engine.systems().rtimer.existing(), "a refused load makes no system");
        assertEquals("no timers loaded\n", engine.list());
    }

    private static String refused(Engine engine, String args) {
        return assertThrows(ConfigException.class, () -> engine.plan(args)).getMessage();
    }
}
