package io.ptimer.agent.hosts;

import io.ptimer.api.TimerContext;

/** Routes that only the application's route factory can make: they need where they come from. */
public class FactoryRoutes {
    private final String origin;

    public FactoryRoutes(String origin) {
        this.origin = origin;
    }

    public void loop(TimerContext ctx) {
        Events.emit("loop", ctx, origin);
    }
}
