package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Every request through jmxterm, on the manager MBean and on the timer MBeans, as an operator would script it. */
class ControlJmxtermIT {

    /** jmxterm prints values on stdout and its own messages, errors included, on stderr. */
    private static ControlScenario.Reply reply(ControlProcess.Run run) {
        boolean ok = run.stderr().contains("#operation returns:") && !run.stderr().contains("Exception");
        return new ControlScenario.Reply(ok, run.all());
    }

    private static ControlScenario.Operator viaManager(ControlProcess host) {
        return new ControlScenario.Operator() {
            @Override
            public ControlScenario.Reply request(String command, String timer, Integer worker)
                    throws IOException, InterruptedException {
                return reply(host.jmxterm("run -b io.ptimer:type=PTimer " + command + " " + timer
                        + (worker == null ? "" : " " + worker)));
            }

            @Override
            public String list() throws IOException, InterruptedException {
                ControlProcess.Run run = host.jmxterm("run -b io.ptimer:type=PTimer list");
                assertTrue(reply(run).ok(), run::toString);
                return run.stdout();
            }
        };
    }

    private static ControlScenario.Operator viaTimerMBeans(ControlProcess host) {
        ControlScenario.Operator manager = viaManager(host);
        return new ControlScenario.Operator() {
            @Override
            public ControlScenario.Reply request(String command, String timer, Integer worker)
                    throws IOException, InterruptedException {
                return reply(host.jmxterm("run -b io.ptimer:type=Timer,name=" + timer + " " + command
                        + (worker == null ? "" : " " + worker)));
            }

            @Override
            public String list() throws IOException, InterruptedException {
                return manager.list();
            }
        };
    }

    @Test
    void everyRequestThroughTheManagerMBean() throws Exception {
        try (ControlProcess host = ControlProcess.start(new ChildJvm().agent(ControlScenario.TIMERS))) {
            host.awaitReady("q");
            ControlScenario scenario = new ControlScenario(host, viaManager(host));
            scenario.run();
            scenario.unknownTimerNamesWhatExists();
        }
    }

    @Test
    void everyRequestThroughTheTimerMBeans() throws Exception {
        try (ControlProcess host = ControlProcess.start(new ChildJvm().agent(ControlScenario.TIMERS))) {
            host.awaitReady("q");
            new ControlScenario(host, viaTimerMBeans(host)).run();
        }
    }

    @Test
    void timerAttributesShowTheWorkersAsATable() throws Exception {
        try (ControlProcess host = ControlProcess.start(new ChildJvm().agent(ControlScenario.TIMERS))) {
            host.awaitReady("q");
            ControlProcess.Run run = host.jmxterm("get -b io.ptimer:type=Timer,name=q type typeName interval"
                    + " nworkers ntasks nslices startRoute loopRoute endRoute status iterations workers");
            String out = run.stdout();
            for (String expected : new String[] {"type = 1;", "typeName = sync;", "interval = 100ms;",
                "nworkers = 2;", "ntasks = 0;", "nslices = 1;",
                "startRoute = io.ptimer.agent.hosts.ControlRoutes::start;",
                "loopRoute = io.ptimer.agent.hosts.ControlRoutes::loop;",
                "endRoute = io.ptimer.agent.hosts.ControlRoutes::end;", "status = running;", "( 0 ) = {",
                "( 1 ) = {", "worker = 1;", "paused = false;", "route = loop;", "latenessP99Us = "}) {
                assertTrue(out.contains(expected), "expected \"" + expected + "\" in:\n" + run);
            }
            assertTrue(out.matches("(?s).*\\biterations = [1-9][0-9]*;.*"), run::toString);
        }
    }
}
