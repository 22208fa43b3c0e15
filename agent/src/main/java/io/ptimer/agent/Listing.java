package io.ptimer.agent;

import io.ptimer.api.TimerType;
import java.util.List;
import java.util.Locale;

/** The readable text of {@code ptimer.list}: one block per timer, one line per worker. */
final class Listing {
    private Listing() {
    }

    static String of(List<Timer> timers) {
        if (timers.isEmpty()) {
            return "no timers loaded\n";
        }
        StringBuilder b = new StringBuilder();
        for (Timer t : timers) {
            TimerSpec s = t.spec();
            b.append("timer ").append(s.name())
                    .append(": type=").append(s.type().code()).append(" (").append(typeName(s.type())).append(')')
                    .append(" interval=").append(Interval.format(s.intervalNanos()))
                    .append(" nworkers=").append(s.nworkers())
                    .append(" ntasks=").append(s.ntasks())
                    .append(" nslices=").append(s.nslices())
                    .append(" start=").append(route(s, RouteKind.START))
                    .append(" loop=").append(route(s, RouteKind.LOOP))
                    .append(" end=").append(route(s, RouteKind.END))
                    .append(" status=").append(t.status()).append('\n');
            for (Worker w : t.workers()) {
                WorkerFigures f = WorkerFigures.of(w);
                b.append("  worker ").append(f.worker())
                        .append(": pid=").append(f.pid())
                        .append(" ntasks=").append(f.ntasks())
                        .append(" tasks=").append(f.tasks())
                        .append(" nslices=").append(f.nslices())
                        .append(" slice=").append(f.slice())
                        .append(" paused=").append(f.paused() ? 1 : 0)
                        .append(" route=").append(f.phase())
                        .append(" state=").append(f.state())
                        .append(" iterations=").append(f.iterations())
                        .append(" errors=").append(f.errors())
                        .append(" overruns=").append(f.overruns())
                        .append(" lateness_us=").append(f.latenessP50Us()).append('/').append(f.latenessP99Us())
                        .append('/').append(f.latenessMaxUs()).append(" (p50/p99/max)")
                        .append('\n');
            }
        }
        return b.toString();
    }

    /** basic, sync, slice or synced_slice. */
    static String typeName(TimerType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** The route as configured, or - when there is none. */
    static String route(TimerSpec spec, RouteKind kind) {
        RouteSpec r = spec.route(kind);
        return r == null ? "-" : r.display();
    }
}
