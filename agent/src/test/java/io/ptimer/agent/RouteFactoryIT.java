package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A timer with {@code factory=required} waits, saying so, until the application installs its route factory. */
class RouteFactoryIT {

    @Test
    void theTimerWaitsForTheFactoryThenItsInstancesComeFromIt() throws Exception {
        String routes = ControlProcess.H + "FactoryRoutes";
        String config = "timer=name=made;interval=50ms;factory=required,loop=timer=made;route=" + routes + "::loop";
        try (ControlProcess host = ControlProcess.start(new ChildJvm().agent(config).jvm("-Dhost.before=3000"),
                ControlProcess.H + "FactoryHost")) {
            host.await(0, "MAIN started", Duration.ofSeconds(20));
            ControlProcess.Run list = ControlProcess.cli(String.valueOf(host.pid()), "list");
            assertTrue(list.stdout().contains("status=waiting for the application to install its route factory"
                    + " (io.ptimer.api.RouteFactories.install)"), list::toString);
            assertTrue(host.since(0, "EV loop").isEmpty(), host::toString);
            int installed = host.mark();
            host.await(0, "INSTALLED", Duration.ofSeconds(20));
            String loop = host.await(installed, "EV loop made 0 ", Duration.ofSeconds(2));
            assertTrue(loop.endsWith(" made-by-the-application"), loop);
            assertTrue(host.stderr().contains("ptimer: timer \"made\" waits for the application to install its route"
                    + " factory (io.ptimer.api.RouteFactories.install); it starts then"), host::toString);
        }
    }
}
