package io.ptimer.samples;

import static io.ptimer.samples.SampleRun.dbl;
import static io.ptimer.samples.SampleRun.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The async sample's outcome (Kamailio's async module documentation, its examples): suspended requests
 * answered after their 4 s, shaped requests relayed no sooner than their bucket allows and from the
 * async timer threads, every caller logged on the group abc and every event counted.
 */
class AsyncSampleIT {

    @Test
    void everyRequestIsAnsweredRelayedLoggedAndCountedAsTheConfigurationSays() throws Exception {
        SampleRun run = SampleRun.start("async.cfg", "io.ptimer.samples.async.AsyncDemo", "--seconds", "2");
        try {
            assertEquals(0, run.await(Duration.ofSeconds(90)), run::toString);
        } finally {
            run.destroy();
        }
        Map<String, String> f = run.figures(null);
        long requests = num(f, "requests");
        assertTrue(requests >= 50, run::toString);
        assertEquals(num(f, "suspended"), num(f, "answered"), run::toString);
        assertTrue(dbl(f, "resume_min_ms") >= 4000 && dbl(f, "resume_max_ms") < 10_000, run::toString);
        assertEquals(requests - num(f, "suspended"), num(f, "relayed"), run::toString);
        assertTrue(num(f, "delayed") > 0, "the bucket delays requests beyond 20/s per domain\n" + run);
        assertTrue(num(f, "delayed_on_async_timer") >= num(f, "delayed") * 9 / 10,
                "a sleep's continuation runs on the async timer thread unless the caller attached it late\n" + run);
        assertEquals(0, num(f, "early"), run::toString);
        assertEquals(requests, num(f, "logged"), run::toString);
        assertEquals(requests, num(f, "events"), run::toString);
        String out = run.stdout();
        assertTrue(out.lines().anyMatch(l -> l.matches("RESUME  request \\d+ from \\w+ answered 404 Not found after .* on"
                + " async-timer-[01]")), run::toString);
        assertTrue(out.lines().anyMatch(l -> l.matches("INFO    caller: \\w+ - callee: \\w+ \\(async-abc-[0-3]\\)")),
                run::toString);
        assertTrue(out.contains("TKV     8000 / call / caller='"), run::toString);
    }
}
