package io.ptimer.bench;

import io.ptimer.api.TimerContext;

/**
 * The global traffic shaping routes of Kamailio's ptimer module documentation (section 6.1.1):
 * each worker starts on its own slice and relays its share.
 */
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
