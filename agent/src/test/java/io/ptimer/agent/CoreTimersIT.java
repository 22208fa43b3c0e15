package io.ptimer.agent;

import static io.ptimer.agent.support.ControlProcess.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The core timer API from a host application: shared and dedicated threads, grids, ticks, cancel,
 * errors, argument checks and MBeans, with the agent, with the agent jar only on the class path,
 * and with neither.
 */
class CoreTimersIT {
    private static final String HOST = "io.ptimer.agent.hosts.CoreHost";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static List<String[]> runs(ChildJvm.Result r, String timer) {
        return r.lines("CT " + timer + " ").stream().map(l -> l.split(" ")).collect(Collectors.toList());
    }

    private static void checkTheApiAtWork(ChildJvm.Result r) {
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.stdout().startsWith("MAIN started ticks=0 raw="), r::toString);
        assertTrue(runs(r, "sec").stream().allMatch(l -> l[3].equals("ptimer-core") && l[5].equals("param=s")), r::toString);
        assertTrue(runs(r, "sec").size() >= 1, r::toString);
        List<String[]> ms = runs(r, "ms");
        assertTrue(ms.size() >= 10, "20 ms for 600 ms: " + r);
        assertTrue(ms.stream().allMatch(l -> l[3].equals("ptimer-core")), r::toString);
        assertTrue(runs(r, "proc").stream().allMatch(l -> l[3].equals("ptimer-core-proc")) && !runs(r, "proc").isEmpty(),
                r::toString);
        List<String[]> procMs = runs(r, "proc.ms");
        assertTrue(procMs.size() >= 20 && procMs.stream().allMatch(l -> l[3].equals("ptimer-core-proc.ms")
                && l[5].equals("param=7")), r::toString);
        double registered = Double.parseDouble(r.lines("REGISTERING proc.ms ").get(0).split(" ")[2]);
        for (int k = 0; k < procMs.size(); k++) {
            double at = Double.parseDouble(procMs.get(k)[2]);
            assertTrue(at >= registered + 30 * (k + 1), "no run before its grid point (run " + k + " at " + at + " ms)");
        }

        assertTrue(r.stdout().contains("CANCELLED ms cancelled=true"), r::toString);
        List<String> lines = r.stdout().lines().toList();
        int cancel = lines.indexOf("CANCELLED ms cancelled=true");
        long afterCancel = lines.subList(cancel + 1, lines.size()).stream().filter(l -> l.startsWith("CT ms ")).count();
        assertTrue(afterCancel <= 1, "at most the run in progress completes after cancel: " + afterCancel);
        assertTrue(r.stdout().contains("REREGISTERED ms cancelled=false"), "a cancelled name is free again: " + r);

        List<String> errors = r.lines("ERR ");
        assertEquals(List.of(
                "ERR IllegalArgumentException: timer name \"ms\" is already registered (every 20ms, shared); cancel it first",
                "ERR IllegalArgumentException: timer name \"bad name\" is not allowed: use letters, digits, '_', '.' and '-' (at least one)",
                "ERR IllegalArgumentException: timer name \"\" is not allowed: use letters, digits, '_', '.' and '-' (at least one)",
                "ERR IllegalArgumentException: timer name null is not allowed: use letters, digits, '_', '.' and '-' (at least one)",
                "ERR IllegalArgumentException: timer \"nofunction\": the function is null",
                "ERR IllegalArgumentException: intervalMillis must be >= 1, not 0",
                "ERR IllegalArgumentException: intervalSeconds must be >= 1, not -3"), errors);

        String end = r.lines("END ticks=").get(0);
        long ticks = Long.parseLong(end.split(" ")[1].substring("ticks=".length()));
        long raw = Long.parseLong(end.split(" ")[2].substring("raw=".length()));
        assertTrue(ticks >= 2 && ticks <= 30, "ticks are whole seconds since the engine started: " + end);
        assertTrue(raw >= ticks * 1000 && raw < (ticks + 1) * 1000, "raw ticks are ms since then: " + end);

        String boom = r.lines("MBEAN boom ").get(0);
        assertTrue(boom.contains(" thread=shared threadName=ptimer-core interval=50ms "), boom);
        long booms = Long.parseLong(boom.replaceAll(".* runs=([0-9]+) .*", "$1"));
        assertTrue(booms >= 20 && boom.contains(" errors=" + booms + " "), "every run threw and was counted: " + boom);
        assertTrue(boom.endsWith("lastError=java.lang.IllegalStateException:_boom_" + booms), boom);
        assertTrue(r.stderr().contains("ptimer: core timer \"boom\" threw java.lang.IllegalStateException: boom 1"),
                r::toString);
        assertTrue(r.lines("MBEAN proc.ms ").get(0).contains(" thread=dedicated threadName=ptimer-core-proc.ms "),
                r::toString);
        assertTrue(r.lines("MBEAN ms ").get(0).contains(" interval=10ms "), "the new ms replaced the cancelled one: " + r);
    }

    @Test
    void withTheAgent() throws Exception {
        checkTheApiAtWork(new ChildJvm().agent("").run(TIMEOUT, HOST));
    }

    @Test
    void withTheAgentJarOnlyOnTheClassPathTheEngineStartsAtTheFirstCall() throws Exception {
        String cp = ChildJvm.testClasspath() + File.pathSeparator + ChildJvm.agentJar();
        checkTheApiAtWork(new ChildJvm().classpath(cp).run(TIMEOUT, HOST));
    }

    @Test
    void pauseContinueAndCancelThroughJmxtermAndTheListOnTheCommandLine() throws Exception {
        try (ControlProcess host = ControlProcess.start(new ChildJvm().agent("").jvm("-Dcore.serve=true"), HOST)) {
            host.await(0, "CT beat ", Duration.ofSeconds(20));
            Thread.sleep(1500);
            ControlProcess.Run list = ControlProcess.cli(String.valueOf(host.pid()), "core.list");
            assertExit(0, list);
            assertTrue(list.stdout().startsWith("core timer beat: interval=20ms thread=shared (ptimer-core) runs="),
                    list::toString);
            ControlProcess.Run paused = host.jmxterm("bean io.ptimer:type=CoreTimer,name=beat", "run pause",
                    "get -s paused thread");
            assertExit(0, paused);
            assertTrue(paused.stdout().contains("true\nshared\n"), paused::toString);
            Thread.sleep(200);
            int mark = host.mark();
            Thread.sleep(300);
            assertTrue(host.since(mark, "CT beat ").isEmpty(), "no run while paused");
            assertExit(0, host.jmxterm("bean io.ptimer:type=CoreTimer,name=beat", "run continue"));
            host.await(host.mark(), "CT beat ", Duration.ofSeconds(10));
            ControlProcess.Run cancelled = host.jmxterm("bean io.ptimer:type=CoreTimer,name=beat", "run cancel",
                    "get -s cancelled");
            assertExit(0, cancelled);
            assertTrue(cancelled.stdout().contains("true\n"), cancelled::toString);
            Thread.sleep(200);
            mark = host.mark();
            Thread.sleep(300);
            assertTrue(host.since(mark, "CT beat ").isEmpty(), "no run after cancel");
        }
    }

    @Test
    void withNeitherEveryCallSaysToAddTheAgent() throws Exception {
        Path api = Path.of(System.getProperty("ptimer.api.classes", "../api/target/classes"));
        String cp = ChildJvm.testClasspath() + File.pathSeparator + api.toAbsolutePath();
        ChildJvm.Result r = new ChildJvm().classpath(cp).jvm("-Dcore.errorsOnly=true").run(TIMEOUT, HOST);
        assertEquals(0, r.exit(), r::toString);
        String missing = "ERR IllegalStateException: no ptimer engine in this JVM: add -javaagent:ptimer-agent.jar to"
                + " the java command (or put ptimer-agent.jar on the class path)";
        assertEquals(List.of(missing, missing), r.lines("ERR "));
    }
}
