package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Failures that are hard to report never cost a worker: routes of every timer system throw exceptions
 * whose {@code getMessage()} and {@code toString()} throw, into a host whose log handler throws too, and
 * routes throw each kind of {@link Error}. Every failure is counted; the threads go on, end routes run,
 * except that a {@link VirtualMachineError} ends the timer whose route threw it.
 */
class RouteFailuresIT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static final String R = H + "Unreportable::";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** A logging configuration whose only handler throws on every record. */
    private static Path brokenLogging() throws IOException {
        Path file = Files.createTempFile("ptimer-broken-logging", ".properties");
        Files.writeString(file, "handlers=" + H + "BrokenLogHandler\n");
        file.toFile().deleteOnExit();
        return file;
    }

    /** The {@code key=value} words of the first line starting with {@code prefix}. */
    private static Map<String, Long> counts(ChildJvm.Result r, String prefix) {
        return Arrays.stream(r.lines(prefix).get(0).split(" ")).skip(1).map(w -> w.split("="))
                .collect(Collectors.toMap(kv -> kv[0], kv -> Long.parseLong(kv[1])));
    }

    @Test
    void unreportableFailuresOfEverySystemAreCountedAndSurvived() throws Exception {
        String args = String.join(",",
                "timer=name=pu;type=1;interval=5ms", "loop=timer=pu;route=" + R + "loop", "end=timer=pu;route=" + R + "end",
                "rtimer.timer=name=ru;mode=1;interval=5000u", "rtimer.exec=timer=ru;route=" + R + "exec",
                "async.workers=1", "async_workers_group=name=g;workers=1", "async_tkv_gname=tkv",
                "async_workers_group=name=tkv;workers=1", "async_tkv_evcb=" + R + "event");
        ChildJvm.Result r = new ChildJvm().agent(args)
                .jvm("-Djava.util.logging.config.file=" + brokenLogging(), "-Dhost.millis=1500",
                        "-Dhost.mbeans=io.ptimer:type=Timer,name=pu;io.ptimer:type=RTimer,name=ru;io.ptimer:type=CoreTimer,"
                        + "name=cu;io.ptimer:type=Async;io.ptimer:type=AsyncGroup,name=g;io.ptimer:type=AsyncGroup,name=tkv")
                .run(TIMEOUT, H + "UnreportableHost");
        assertEquals(0, r.exit(), r::toString);
        Map<String, Long> calls = counts(r, "CALLS");
        for (String periodic : new String[] {"ptimer", "rtimer", "core"}) {
            assertTrue(calls.get(periodic) > 100, periodic + " ran on past its failures: " + calls);
        }
        assertEquals(50, calls.get("task"), r::toString);
        assertEquals(50, calls.get("delayed"), r::toString);
        assertEquals(50, calls.get("tkv"), r::toString);
        Map<String, Long> errors = counts(r, "ERRORS");
        assertEquals(10, errors.get("Timer/pu"), "every failure counted: " + errors);
        assertEquals(10, errors.get("RTimer/ru"), errors::toString);
        assertEquals(10, errors.get("CoreTimer/cu"), errors::toString);
        assertEquals(10, errors.get("AsyncGroup/g"), errors::toString);
        assertEquals(10, errors.get("AsyncGroup/tkv"), errors::toString);
        assertEquals(10, errors.get("Async/null"), "the delayed routes' failures: " + errors);
        assertEquals(1, r.events("end", "pu").size(), "the worker ran its end route at shutdown\n" + r);
        assertTrue(r.stderr().contains("ptimer: timer \"pu\" worker 0: loop route " + R + "loop threw " + H
                + "Unreportable$Unprintable (which failed to describe itself) (the io.ptimer logger failed: "
                + "java.lang.IllegalStateException)"), r::toString);
    }

    @Test
    void anAssertionErrorIsSurvivedAndAVirtualMachineErrorEndsOnlyTheTimerThatThrewIt() throws Exception {
        String args = String.join(",", "timer=name=kinds;type=1;interval=100ms", "loop=timer=kinds;route=" + R
                + "errorKinds", "end=timer=kinds;route=" + R + "kindsEnd",
                "timer=name=hog;interval=100ms;thread=shared", "loop=timer=hog;route=" + R + "hog",
                "end=timer=hog;route=" + R + "kindsEnd",
                "timer=name=calm;interval=100ms;thread=shared", "loop=timer=calm;route=" + R + "calm",
                "end=timer=calm;route=" + R + "kindsEnd",
                "rtimer.timer=name=rk;mode=1;interval=100000u", "rtimer.exec=timer=rk;route=" + R + "overflow");
        ChildJvm.Result r = new ChildJvm().agent(args).jvm("-Xmx64m", "-Dhost.millis=3000",
                        "-Dhost.mbeans=io.ptimer:type=Timer,name=kinds;io.ptimer:type=Timer,name=hog;"
                        + "io.ptimer:type=RTimer,name=rk")
                .run(TIMEOUT, H + "UnreportableHost", "kinds");
        assertEquals(0, r.exit(), r::toString);
        Map<String, Long> errors = counts(r, "ERRORS");
        assertEquals(2, errors.get("Timer/kinds"), "the assertion and the stack overflow: " + r);
        assertEquals(1, errors.get("Timer/hog"), r::toString);
        assertEquals(1, errors.get("RTimer/rk"), r::toString);
        Map<String, Long> calls = counts(r, "CALLS");
        assertEquals(3, calls.get("hog"), "the worker ran no loop after its OutOfMemoryError\n" + r);
        assertEquals(3, calls.get("overflow"), "the rtimer ran no more after its StackOverflowError\n" + r);
        assertTrue(calls.get("calm") > 20, "the timer beside them on the shared lanes went on\n" + r);
        assertEquals(0, r.events("end", "kinds").size(), "a worker ended by an error runs no end route\n" + r);
        assertEquals(0, r.events("end", "hog").size(), r::toString);
        assertEquals(1, r.events("end", "calm").size(), r::toString);
        String list = r.lines("LIST").get(0);
        assertTrue(list.matches(".*timer hog: [^|]*\\|\\s*worker 0: [^|]* state=failed .*"), "the ended worker shows failed: " + list);
        assertTrue(list.matches(".*timer calm: [^|]*\\|\\s*worker 0: [^|]* state=(sleeping|loop) .*"), list);
        assertTrue(list.matches(".*rtimer rk: [^|]*\\|\\s*thread 0: [^|]* state=failed .*"), list);
        assertTrue(r.stderr().contains("threw java.lang.AssertionError: asserted on purpose"), r::toString);
        assertTrue(r.stderr().contains("threw java.lang.StackOverflowError"), r::toString);
        assertTrue(r.stderr().contains("threw java.lang.OutOfMemoryError: Java heap space"), r::toString);
    }
}
