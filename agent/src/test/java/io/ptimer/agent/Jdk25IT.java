package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ptimer.agent.support.ChildJvm;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent built for Java 17 runs on JDK 25: timers, route binding and configuration errors.
 * Skipped where no JDK 25 is found, except with {@code CI=true}, where that fails the build.
 */
class Jdk25IT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static String home;

    @BeforeAll
    static void findJdk25() {
        home = ChildJvm.jdk25().orElse(null);
        String missing = "no JDK 25 found under /usr/lib/jvm (set -Dptimer.jdk25=/path or PTIMER_JDK25)";
        if (home == null && "true".equals(System.getenv("CI"))) {
            fail(missing + ": CI=true, and the CI machines have one, so this is a failure, not a skip");
        }
        assumeTrue(home != null, missing + ": skipped (outside CI)");
    }

    @Test
    void timersRunAndEndOnJdk25() throws Exception {
        String args = "timer=name=t;type=3;interval=20ms;nworkers=2;ntasks=10;nslices=3"
                + ",start=timer=t;route=" + H + "Jobs::start,loop=timer=t;route=" + H + "Jobs::loop"
                + ",end=timer=t;route=" + H + "Jobs::end,timer=name=r;interval=20ms,loop=timer=r;route=" + H + "Forms$Tick";
        ChildJvm.Result r = new ChildJvm().javaHome(home).agent(args).jvm("-Djobs.loops=4")
                .run(Duration.ofSeconds(60), H + "Host");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(8, r.events("loop", "t").size(), r::toString);
        assertEquals(2, r.events("end", "t").size(), r::toString);
        assertEquals(2, r.events("loop", "r").size(), r::toString);
        assertTrue(!r.stderr().contains("WARNING"), "no JVM warning for a -javaagent on JDK 25:\n" + r.stderr());
    }

    @Test
    void badConfigurationStopsJdk25BeforeMain() throws Exception {
        ChildJvm.Result r = new ChildJvm().javaHome(home).agent("timer=name=t1;interval=10ous")
                .run(Duration.ofSeconds(60), H + "Host");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ptimer: timer \"name=t1;interval=10ous\": unknown unit \"ous\" (use s, ms or us)", r.stderr().strip());
    }
}
