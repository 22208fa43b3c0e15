package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.hosts.QuietHost;
import io.ptimer.agent.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing heavy before the host's main: for each system's configuration, the classes the JVM loads
 * before the host's main class ({@code -Xlog:class+load}) hold no lambda of the agent's, no
 * regular-expression or NIO-channel class that a JVM without the agent does not load as well, and
 * no class of a timer system that the configuration does not name.
 */
class StartupPathIT {
    private static final String ROUTE = "io.ptimer.agent.hosts.QuietHost::tick";
    private static final String AGENT = "io.ptimer.agent.";
    private static final Pattern LOADED = Pattern.compile("\\] (\\S+) source: ");
    private static final Pattern HEAVY = Pattern.compile(
            "io\\.ptimer\\..*\\$\\$Lambda.*|java\\.util\\.regex\\..*|sun\\.nio\\.ch\\..*|java\\.nio\\.channels\\..*");

    @ParameterizedTest
    @ValueSource(strings = {"", "timer=name=t;type=3;interval=100ms;nworkers=2,loop=timer=t;route=" + ROUTE,
        "timer=name=t;type=3;interval=100ms;thread=shared,loop=timer=t;route=" + ROUTE,
        "rtimer.timer=name=r;interval=1,rtimer.exec=timer=r;route=" + ROUTE, "async.workers=2"})
    void theAgentLoadsNoLambdaRegexOrChannelClassBeforeMain(String agentArgs, @TempDir Path dir)
            throws Exception {
        Set<String> plain = new TreeSet<>(beforeMain(run(dir.resolve("plain.log"), null)));
        List<String> withAgent = beforeMain(run(dir.resolve("agent.log"), agentArgs));
        assertTrue(withAgent.size() > plain.size(), "the agent's classes are in the log: " + withAgent.size());
        Set<String> heavy = new TreeSet<>();
        for (String c : withAgent) {
            if (!plain.contains(c) && HEAVY.matcher(c).matches()) {
                heavy.add(c);
            }
        }
        assertEquals(Set.of(), heavy, "loaded before main with -javaagent:ptimer-agent.jar=" + agentArgs);
        Set<String> unnamed = new TreeSet<>(Set.of("rtimer", "core", "async"));
        unnamed.removeIf(system -> agentArgs.startsWith(system + "."));
        Set<String> unused = new TreeSet<>();
        for (String c : withAgent) {
            int end = c.indexOf('.', AGENT.length());
            if (c.startsWith(AGENT) && end > 0 && unnamed.contains(c.substring(AGENT.length(), end))) {
                unused.add(c);
            }
        }
        assertEquals(Set.of(), unused, "classes of systems not configured, loaded before main with " + agentArgs);
    }

    private static Path run(Path log, String agentArgs) throws Exception {
        ChildJvm.Result r = new ChildJvm().agent(agentArgs).jvm("-Xlog:class+load:file=" + log)
                .run(Duration.ofSeconds(60), QuietHost.class.getName());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("main"), r.toString());
        return log;
    }

    /** The classes loaded before {@link QuietHost}, in order. */
    private static List<String> beforeMain(Path log) throws Exception {
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) {
                if (m.group(1).equals(QuietHost.class.getName())) {
                    return classes;
                }
                classes.add(m.group(1));
            }
        }
        throw new AssertionError("the host's main class never loaded: " + log);
    }
}
