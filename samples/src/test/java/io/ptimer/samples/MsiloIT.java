package io.ptimer.samples;

import static io.ptimer.samples.SampleRun.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The msilo sample (Kamailio's core timer API documentation, the msilo example) through the agent
 * jar: the core timer registered by the application deletes the delivered messages at every check
 * and the expired ones only when {@code ticks % (check_time * clean_period) < check_time}, on the
 * shared timer thread.
 */
class MsiloIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern CHECK = Pattern.compile("  \\[(\\S+)] m_clean_silo ticks=(\\d+): (\\d+) delivered deleted,"
            + " \\d+ failed; (?:clean period: (\\d+) expired deleted, (\\d+) left|(\\d+) expired wait for the clean period)");

    /** One printed run of the cleaner. */
    record Check(String thread, long ticks, long delivered, boolean clean, long expiredDeleted, long expiredLeft) {
    }

    @Test
    void deliveredMessagesGoEveryCheckAndExpiredOnesEveryCleanPeriod() throws Exception {
        SampleRun run = SampleRun.start("msilo.cfg", "io.ptimer.samples.msilo.Msilo", "--seconds", "12",
                "--check-time", "1", "--clean-period", "3", "--expires", "2");
        try {
            assertEquals(0, run.await(TIMEOUT), run::toString);
        } finally {
            run.destroy();
        }
        Map<String, String> f = run.figures(null);
        assertEquals("ptimer-core", f.get("threads"), "registerTimer runs on the shared timer thread\n" + run);
        assertEquals(0, num(f, "confirmed_left"), "every confirmed message is deleted\n" + run);
        assertEquals(num(f, "confirmed"), num(f, "delivered_deleted"), "by the checks, each exactly once\n" + run);
        assertTrue(num(f, "failed") > 0 && num(f, "expired_deleted") > 0, run::toString);

        List<Check> checks = new ArrayList<>();
        for (String line : run.stdout().lines().toList()) {
            Matcher m = CHECK.matcher(line);
            if (m.matches()) {
                boolean clean = m.group(4) != null;
                checks.add(new Check(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), clean,
                        clean ? Long.parseLong(m.group(4)) : 0, Long.parseLong(clean ? m.group(5) : m.group(6))));
            }
        }
        assertEquals(num(f, "checks"), checks.size(), "one log line per run\n" + run);
        assertTrue(checks.size() >= 8, "a check every second for 12 s, with generous slack\n" + run);
        int cleans = 0;
        int waited = 0;
        int withDelivered = 0;
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            assertEquals("ptimer-core", c.thread(), run::toString);
            assertEquals(c.ticks() % 3 < 1, c.clean(), "clean exactly when ticks % (1 * 3) < 1: " + c + "\n" + run);
            withDelivered += c.delivered() > 0 ? 1 : 0;
            if (c.clean()) {
                cleans++;
                assertEquals(0, c.expiredLeft(), "a clean-period check leaves no expired message: " + c + "\n" + run);
            } else if (i + 1 < checks.size() && !checks.get(i + 1).clean() && c.expiredLeft() > 0) {
                assertTrue(checks.get(i + 1).expiredLeft() >= c.expiredLeft(),
                        "other checks delete no expired message: " + c + " then " + checks.get(i + 1) + "\n" + run);
                waited++;
            }
        }
        assertTrue(withDelivered >= checks.size() / 2, "replies come every 250 ms, so most checks delete some"
                + " (a stalled JVM may leave one without)\n" + run);
        assertTrue(cleans >= 2, run::toString);
        assertTrue(waited >= 1, "expired messages waited for a clean period\n" + run);
    }
}
