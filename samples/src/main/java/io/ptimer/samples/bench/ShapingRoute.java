package io.ptimer.samples.bench;

import io.ptimer.api.TimerContext;

/** The seed's global traffic shaping routes: each worker starts on its own slice and relays its share. */
public final class ShapingRoute {

    public void start(TimerContext ctx) {
        ctx.slice(ctx.worker() * 10);
    }

    public void loop(TimerContext ctx) {
        for (int i = 0; i < ctx.tasks(); i++) {
            if (!Calls.relayNext()) {
                return;
            }
        }
    }
}
