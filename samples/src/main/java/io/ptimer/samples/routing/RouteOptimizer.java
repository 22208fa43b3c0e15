package io.ptimer.samples.routing;

import io.ptimer.api.Route;
import io.ptimer.api.TimerContext;
import java.util.List;

/**
 * The routes of {@code route_optimizer} (Kamailio's {@code OPTIMIZE_ROUTES_START} and
 * {@code OPTIMIZE_ROUTES_LOOP}): worker N looks after destination set N. Start reads the promised
 * minimums and takes the set's destinations; every loop marks each destination inactive if any of
 * its MOS, CCR or NER is below the minimum, and active otherwise.
 */
public class RouteOptimizer {
    private double minMos;
    private double minCcr;
    private double minNer;
    private List<String> destinations;

    public int start(TimerContext ctx) {
        KpiTable min = KpiTable.named("min_kpi");
        minMos = min.get("mos", 0);
        minCcr = min.get("ccr", 0);
        minNer = min.get("ner", 0);
        if (!Dispatcher.get().exists(ctx.worker())) {
            return Route.END;
        }
        destinations = Dispatcher.get().uris(ctx.worker());
        return Route.CONTINUE;
    }

    public void loop(TimerContext ctx) {
        int set = ctx.worker();
        KpiTable kpi = KpiTable.named("dst_kpi");
        for (String uri : destinations) {
            boolean meets = kpi.get(KpiTable.key(set, uri, "mos"), 0) >= minMos
                    && kpi.get(KpiTable.key(set, uri, "ccr"), 0) >= minCcr
                    && kpi.get(KpiTable.key(set, uri, "ner"), 0) >= minNer;
            Dispatcher.get().mark(set, uri, meets);
        }
    }
}
