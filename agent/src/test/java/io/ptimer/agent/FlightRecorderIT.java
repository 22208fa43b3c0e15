package io.ptimer.agent;

import static io.ptimer.agent.support.ControlProcess.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JDK Flight Recorder recording of a host whose timers throw, overrun and run late, steered from the
 * command line, with the settings file the agent jar ships: the recording holds the agent's events with
 * what an operator needs to read them.
 */
class FlightRecorderIT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static final Duration SOON = Duration.ofSeconds(20);

    private static Path settings(Path dir) throws Exception {
        Path jfc = dir.resolve("ptimer.jfc");
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile());
             InputStream in = jar.getInputStream(jar.getEntry("ptimer.jfc"))) {
            Files.copy(in, jfc);
        }
        return jfc;
    }

    private static List<RecordedEvent> events(List<RecordedEvent> all, String type) {
        return all.stream().filter(e -> e.getEventType().getName().equals(type)).collect(Collectors.toList());
    }

    @Test
    void theRecordingHoldsErrorsOverrunsLateLoopsStatesAndRequests(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("host.jfr");
        String args = "timer=name=boom;type=1;interval=10ms,loop=timer=boom;route=" + H + "Faults::throwingLoop"
                + ",timer=name=slow;type=1;interval=20ms;precision=sleep;jfr_late=1us,loop=timer=slow;route=" + H
                + "Faults::slowOnce";
        ChildJvm jvm = new ChildJvm().agent(args).jvm("-XX:StartFlightRecording:settings=default,settings="
                + settings(dir) + ",filename=" + recording, "-Dfaults.longLoop=20", "-Dfaults.work=70",
                "-Dhost.millis=5000");
        try (ControlProcess host = ControlProcess.start(jvm)) {
            host.await(0, "EV loop slow 0 ", SOON);
            String pid = String.valueOf(host.pid());
            Thread.sleep(1000);
            assertExit(0, ControlProcess.cli(pid, "pause", "slow"));
            assertExit(0, ControlProcess.cli(pid, "continue", "slow"));
            assertExit(0, ControlProcess.cli(pid, "set", "boom", "interval=20ms"));
            assertExit(1, ControlProcess.cli(pid, "set", "boom", "workers=1"));
            host.await(0, "MAIN done", Duration.ofSeconds(30));
            host.awaitExit(Duration.ofSeconds(30));
        }
        List<RecordedEvent> all = RecordingFile.readAllEvents(recording);

        List<RecordedEvent> errors = events(all, "io.ptimer.RouteError");
        assertTrue(errors.size() >= 20, "every failing loop: " + errors.size());
        RecordedEvent error = errors.get(0);
        assertEquals("ptimer: timer \"boom\" worker 0", error.getString("source"));
        assertEquals("loop", error.getString("role"));
        assertEquals(H + "Faults::throwingLoop", error.getString("route"));
        assertEquals("java.lang.IllegalStateException", error.getClass("exceptionClass").getName());
        assertTrue(error.getString("message").startsWith("java.lang.IllegalStateException: loop failed on purpose"),
                error::toString);
        assertTrue(errors.stream().allMatch(e -> e.getStackTrace() == null), "the settings file and the event's own"
                + " default leave route errors without a stack trace, from the first: " + error);

        RecordedEvent overrun = events(all, "io.ptimer.Overrun").stream()
                .filter(e -> e.getString("timer").equals("slow") && e.getDuration("past").toMillis() >= 30).findFirst()
                .orElseThrow(() -> new AssertionError("no overrun of the 70 ms loop of a 20 ms timer, some 50 ms past"
                        + " its next grid point: " + events(all, "io.ptimer.Overrun")));
        assertEquals("ptimer", overrun.getString("system"));
        assertEquals(Duration.ofMillis(20), overrun.getDuration("interval"));

        assertTrue(events(all, "io.ptimer.LateLoop").stream().anyMatch(e -> e.getString("timer").equals("slow")
                && e.getDuration("threshold").equals(Duration.ofNanos(1000))
                && e.getDuration("lateness").compareTo(e.getDuration("threshold")) > 0), "a sleeping wait wakes later than"
                + " jfr_late=1us");

        List<String> states = events(all, "io.ptimer.WorkerState").stream()
                .filter(e -> e.getString("timer").equals("slow")).map(e -> e.getString("state")).collect(Collectors.toList());
        assertTrue(states.contains("paused") && states.contains("resumed"), states::toString);

        List<RecordedEvent> requests = events(all, "io.ptimer.ControlRequest");
        assertEquals(List.of("pause", "continue", "set interval=20ms", "set workers=1"),
                requests.stream().map(e -> e.getString("request")).collect(Collectors.toList()));
        RecordedEvent set = requests.get(2);
        assertEquals("boom", set.getString("timer"));
        assertEquals(-1, set.getInt("worker"));
        assertEquals("set interval=20ms on timer \"boom\" (1 worker)", set.getString("outcome"));
        assertTrue(set.getString("via").startsWith("io.ptimer:type=PTimer on thread RMI TCP Connection"), set::toString);
        assertTrue(requests.get(3).getString("outcome").startsWith("refused: timer \"boom\": \"workers\" cannot be set"),
                requests.get(3)::toString);
    }
}
