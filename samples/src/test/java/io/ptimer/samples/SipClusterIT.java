package io.ptimer.samples;

import static io.ptimer.samples.SampleRun.dbl;
import static io.ptimer.samples.SampleRun.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster demo end to end, as {@code ./run-sample sip-cluster --skew 50 --partition 26
 * --set-ntasks 60 --set-at 30} runs it: three shaping proxies in JVMs with the built agent and
 * cluster jars share one carrier contract of 100 calls a second, each flooded at 200 calls a second
 * by its own SIPp; during the flood one proxy is killed with {@code kill -9}, a fourth joins with
 * its clock 50 ms ahead, the killed one comes back, a voting proxy is cut off for 3 s, the contract
 * is lowered to 60 calls a second with the agent's command line on one proxy, and the leader is killed. The figures come
 * from the carrier's own trace of arriving INVITEs and SIPp's call statistics. Skipped where
 * {@code sipp} or libfaketime is not installed, except with {@code CI=true}.
 */
class SipClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(150);

    @BeforeAll
    static void sippAndFaketimeAreInstalled() {
        SampleRun.assumeSipp();
        Tools.requireOnPath("faketime", "Debian and Ubuntu: apt-get install faketime", "SIP cluster demo");
    }

    /**
     * No 1 s window of arrivals holds more than the contract, the backlogged rate outside the
     * transitions is at least 70% of it, a surviving proxy's calls all complete or are answered
     * 503 after the queue timeout and SIPp counts each, the proxy with the skewed clock relays
     * nothing, and the cluster recovers from the partition, its heal and the leader's death within
     * 12 s each; from the step the lowered contract holds, no 1 s window holds more than 60, and
     * at least 70% of that outside transitions. The 2-core build machine measured 88 to 91% and under 2.5 s; a dead proxy's share
     * never handed on would leave 67% after the first kill.
     */
    @Test
    void theCarrierNeverGetsMoreThanItsContractThroughKillsAndJoins() throws Exception {
        Path jar = Path.of(System.getProperty("ptimer.cluster.jar", "../cluster/target/ptimer-cluster.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the cluster jar is built first: " + jar);
        SampleRun run = SampleRun.startPlain("io.ptimer.samples.sip.SipClusterDemo", "--agent",
                SampleRun.agentJar().toString(), "--cluster-jar", jar.toString(), "--classpath", SampleRun.classpath(),
                "--config-dir", SampleRun.config("sip-cluster-1.cfg").getParent().toString(),
                "--out", Path.of("target", "sip-cluster-it").toAbsolutePath().toString(), "--skew", "50", "--partition", "26",
                "--set-ntasks", "60", "--set-at", "30");
        int status = run.await(TIMEOUT);
        run.stdout().lines().filter(l -> l.contains("MEASURED") || l.startsWith("figures ")).forEach(System.out::println);
        Map<String, String> f = run.figures("sip-cluster");
        assertTrue(num(f, "max_1s") <= 100, "never more than 100 INVITEs in any 1 s at the carrier\n" + run);
        assertTrue(dbl(f, "rate_outside") >= 70, "the contract is used while calls are queued\n" + run);
        assertTrue(dbl(f, "outside_s") >= 5, "a part of the flood is outside transitions\n" + run);
        assertEquals(3, num(f, "survivors"), run::toString);
        assertEquals(0, num(f, "lost"), "SIPp counts every call of a surviving proxy as successful or failed\n" + run);
        assertEquals(0, num(f, "open"), "every call of a surviving proxy was completed or answered\n" + run);
        assertTrue(num(f, "answered_503") > 0, "calls beyond the contract waited their queue timeout\n" + run);
        assertEquals(0, num(f, "skewed_relayed"), "the proxy with its clock 50 ms ahead relays nothing\n" + run);
        assertTrue(run.stdout().contains("it said: clock offset to the leader -"), "and says why\n" + run);
        assertTrue(dbl(f, "partition_recovered_s") <= 12, "the others take the share of the proxy cut off\n" + run);
        assertTrue(dbl(f, "heal_recovered_s") <= 12, "the cluster recovers from the heal\n" + run);
        assertTrue(dbl(f, "kill_leader_recovered_s") <= 12, "the cluster recovers from the leader's death\n" + run);
        assertTrue(num(f, "max_1s_after_set") <= 60, "never more than 60 in any 1 s from the lowered contract's step\n" + run);
        assertTrue(dbl(f, "rate_after_set") >= 42, "the lowered contract is used\n" + run);
        assertTrue(dbl(f, "set_from_s") <= 10, "the lowered contract holds within seconds of the command\n" + run);
        assertEquals(0, status, run::toString);
    }
}
