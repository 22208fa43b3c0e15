package io.ptimer.samples;

import static io.ptimer.samples.SampleRun.dbl;
import static io.ptimer.samples.SampleRun.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SIP shaping demo end to end, as {@code ./run-sample sip} runs it: SIPp as the carrier, the
 * shaping proxy in a JVM with the built agent jar, SIPp as the customer flooding it, all on
 * loopback ports that are free. The figures come from the carrier's own trace of arriving INVITEs
 * and SIPp's call statistics. Skipped where {@code sipp} is not installed, except with {@code CI=true},
 * where that fails the build: CI installs it.
 */
class SipShapingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @BeforeAll
    static void sippIsInstalled() {
        SampleRun.assumeSipp();
    }

    private static SampleRun demo(String out, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--agent", SampleRun.agentJar().toString(),
                "--config", SampleRun.config("sip-shaping.cfg").toString(), "--classpath", SampleRun.classpath(),
                "--out", Path.of("target", out).toAbsolutePath().toString(), "--ports", "auto"));
        args.addAll(List.of(options));
        return SampleRun.startPlain("io.ptimer.samples.sip.SipDemo", args.toArray(String[]::new));
    }

    /**
     * A flood of 1,000 calls at 400 a second: the carrier never sees more than 100 INVITEs in a
     * second, gets at least 97% of that while calls are queued (the proxy aims at 98%; the rest is
     * for a busy machine), and every call completes with a 200.
     */
    @Test
    void theCarrierGetsItsContractAndEveryCallCompletes() throws Exception {
        SampleRun run = demo("sip-it", "--calls", "1000", "--rate", "400");
        int status = run.await(TIMEOUT);
        Map<String, String> f = run.figures("sip");
        assertEquals(1000, num(f, "offered"), run::toString);
        assertEquals(1000, num(f, "arrived"), "every call reached the carrier once\n" + run);
        assertEquals(1000, num(f, "completed"), "every call completed with 200 at the customer\n" + run);
        assertEquals(0, num(f, "failed"), run::toString);
        assertEquals(0, num(f, "errors"), run::toString);
        assertEquals(0, num(f, "customer_exit"), "SIPp's own verdict\n" + run);
        assertTrue(num(f, "max_1s") <= 100, "never more than 100 INVITEs in any 1 s at the carrier\n" + run);
        assertTrue(dbl(f, "backlog_s") >= 5, "the flood made a backlog of several seconds\n" + run);
        assertTrue(dbl(f, "backlog_rate") >= 97, "the limit is used while calls are queued\n" + run);
        assertEquals(0, status, run::toString);
    }

    /**
     * With a queue timeout of 1 s, 300 calls at 400 a second can not all be relayed in time: those
     * that waited too long are answered 503 by the proxy and counted, and the proxy leaves no call
     * without a final answer. SIPp counts each 503 as a failed call (and, on a machine too busy for
     * its own timers, maybe a few more), so its count is at least the proxy's.
     */
    @Test
    void callsQueuedTooLongAreAnswered503AndCounted() throws Exception {
        SampleRun run = demo("sip-it-timeout", "--calls", "300", "--rate", "400", "--queue-timeout", "1");
        run.await(TIMEOUT);
        Map<String, String> f = run.figures("sip");
        long completed = num(f, "proxy_completed");
        long errors = num(f, "errors");
        assertEquals(300, num(f, "offered"), run::toString);
        assertTrue(errors >= 100, "many calls waited over 1 s and were answered 503\n" + run);
        assertTrue(completed >= 80, "the first second's calls were relayed\n" + run);
        assertEquals(0, num(f, "open"), "every call was completed or answered\n" + run);
        assertEquals(num(f, "relayed"), completed, "every relayed call completed\n" + run);
        assertTrue(num(f, "failed") >= errors, "SIPp counts each 503 as a failed call\n" + run);
        assertTrue(num(f, "max_1s") <= 100, run::toString);
    }
}
