package io.ptimer.agent;

import static io.ptimer.agent.support.ControlProcess.assertExit;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.cli.Cli;
import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every request through {@code java -jar ptimer-agent.jar <pid> ...}, and its usage and exit statuses. */
class ControlCliIT {

    private static ControlScenario.Operator cli(ControlProcess host) {
        String pid = String.valueOf(host.pid());
        return new ControlScenario.Operator() {
            @Override
            public ControlScenario.Reply request(String command, String timer, Integer worker)
                    throws IOException, InterruptedException {
                List<String> args = new ArrayList<>(List.of(pid, command, timer));
                if (worker != null) {
                    args.add(String.valueOf(worker));
                }
                ControlProcess.Run run = ControlProcess.cli(args.toArray(String[]::new));
                if (run.exit() != 0) {
                    assertExit(1, run);
                    assertTrue(run.stderr().startsWith("ptimer: "), run::toString);
                }
                return new ControlScenario.Reply(run.exit() == 0, run.all());
            }

            @Override
            public String list() throws IOException, InterruptedException {
                ControlProcess.Run run = ControlProcess.cli(pid, "list");
                assertExit(0, run);
                return run.stdout();
            }
        };
    }

    @Test
    void everyRequestThroughTheCommandLine() throws Exception {
        try (ControlProcess host = ControlProcess.start(new ChildJvm().agent(ControlScenario.TIMERS))) {
            host.awaitReady("q");
            ControlScenario scenario = new ControlScenario(host, cli(host));
            scenario.run();
            scenario.unknownTimerNamesWhatExists();
        }
    }

    @Test
    void badCommandLinesPrintTheUsage() throws Exception {
        for (String[] args : new String[][] {{}, {"list"}, {"123", "stop", "t"}, {"123", "pause"},
            {"123", "pause", "t", "x"}, {"attach"}}) {
            ControlProcess.Run run = ControlProcess.cli(args);
            assertExit(Cli.USAGE, run);
            assertTrue(run.stderr().contains("usage: java -jar ptimer-agent.jar attach <pid> [ARGS]"), run::toString);
        }
    }

    @Test
    void aJvmWithoutTheAgentIsReported() throws Exception {
        try (ControlProcess host = ControlProcess.start(new ChildJvm())) {
            host.await(0, "HEARTBEAT", java.time.Duration.ofSeconds(20));
            ControlProcess.Run run = ControlProcess.cli(String.valueOf(host.pid()), "list");
            assertExit(1, run);
            assertTrue(run.stderr().contains("has no ptimer agent"), run::toString);
        }
    }
}
