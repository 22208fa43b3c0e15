package io.ptimer.samples;

import static io.ptimer.samples.SampleRun.dbl;
import static io.ptimer.samples.SampleRun.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adaptive-routing sample's outcome (Kamailio ptimer module documentation, section 6.2). */
class AdaptiveRoutingIT {

    @Test
    void aDegradedDestinationIsTakenOutWithinASecondAndComesBack() throws Exception {
        SampleRun run = SampleRun.start("adaptive-routing.cfg", "io.ptimer.samples.routing.AdaptiveRouting");
        assertEquals(0, run.await(Duration.ofSeconds(60)), "the sample judges its own outcome ok\n" + run);
        Map<String, String> f = run.figures(null);
        assertTrue(dbl(f, "inactive_after_ms") <= 1000, "inactive within a second (500 ms timer)\n" + run);
        assertTrue(dbl(f, "active_after_ms") <= 1000, "active again within a second\n" + run);
        assertEquals(0, num(f, "calls_while_out"), "no call goes to an inactive destination\n" + run);
        assertTrue(num(f, "calls_after_back") > 0, "calls go to it again once restored\n" + run);
        assertEquals(0, num(f, "other_changes"), run::toString);
        assertEquals(0, num(f, "unrouted"), run::toString);
    }
}
