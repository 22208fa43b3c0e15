package io.ptimer.agent.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The agent's log reports in a child JVM's stderr, each stamped with its time by a java.util.logging
 * format of its own ({@link #FORMAT}), so that a test can check how often the agent reported.
 */
public final class LogReports {
    /** A JVM option: each record on one line, {@code <epoch ms> <LEVEL>: <message>}, then any stack trace. */
    public static final String FORMAT = "-Djava.util.logging.SimpleFormatter.format=%1$tQ %4$s: %5$s%6$s%n";

    private LogReports() {
    }

    /** The times, in epoch ms, of the reports whose message contains {@code text}. */
    public static List<Long> times(String stderr, String text) {
        return stderr.lines().filter(l -> l.matches("\\d+ [A-Z]+: .*") && l.contains(text))
                .map(l -> Long.parseLong(l.substring(0, l.indexOf(' ')))).collect(Collectors.toList());
    }

    /** At least {@code atLeast} reports containing {@code text}, never two less than a second apart. */
    public static void assertAtMostOneASecond(String stderr, String text, int atLeast) {
        List<Long> times = times(stderr, text);
        assertTrue(times.size() >= atLeast, "at least " + atLeast + " reports of \"" + text + "\": " + times + "\n" + stderr);
        for (int i = 1; i < times.size(); i++) {
            long gap = times.get(i) - times.get(i - 1);
            // The stamps come from the wall clock a moment after the limiter's monotonic one: the first
            // report's moment is later by java.util.logging's set-up, some tens of ms.
            assertTrue(gap >= 900, "reports of \"" + text + "\" " + gap + " ms apart, not at most one a second: " + times);
        }
    }
}
