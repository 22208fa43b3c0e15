package io.ptimer.agent.hosts;

import io.ptimer.api.RouteFactories;

/**
 * A host that installs its route factory {@code host.before} ms after main starts (a container
 * getting ready), then runs {@code host.millis} ms.
 */
public final class FactoryHost {
    private FactoryHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        Events.say("MAIN started");
        Thread.sleep(Long.getLong("host.before", 1500));
        RouteFactories.install(type -> new FactoryRoutes("made-by-the-application"));
        Events.say("INSTALLED");
        Thread.sleep(Long.getLong("host.millis", 60_000));
    }
}
