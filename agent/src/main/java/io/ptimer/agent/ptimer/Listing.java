package io.ptimer.agent.ptimer;

import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.config.Interval;
import io.ptimer.agent.exec.Overrun;
import io.ptimer.agent.exec.Precision;
import io.ptimer.api.TimerType;
import java.util.List;
import java.util.Locale;

/** The readable text of {@code ptimer.list}: one block per timer, one line per worker. */
public final class Listing {
    private Listing() {
    }

    /** The listing of {@code timers}, one block each. */
    public static String of(List<Ptimer> timers) {
        if (timers.isEmpty()) {
            return "no timers loaded\n";
        }
        StringBuilder b = new StringBuilder();
        for (Ptimer t : timers) {
            PtimerSpec s = t.spec();
            Settings now = t.settings();
            b.append("timer ").append(s.name())
                    .append(": type=").append(s.type().code()).append(" (").append(typeName(s.type())).append(')')
                    .append(" interval=").append(Interval.format(now.intervalNanos()))
                    .append(" nworkers=").append(s.nworkers())
                    .append(" ntasks=").append(now.ntasks())
                    .append(" nslices=").append(now.nslices())
                    .append(" start=").append(route(s, Phase.START))
                    .append(" loop=").append(route(s, Phase.LOOP))
                    .append(" end=").append(route(s, Phase.END))
                    .append(s.overrun() == Overrun.SKIP ? " overrun=skip" : "")
                    .append(s.sharedThread() && s.precision() != Precision.SPIN ? " thread=shared" : "")
                    .append(" status=").append(t.status()).append('\n');
            for (Worker w : t.workers()) {
                WorkerFigures f = WorkerFigures.of(w);
                b.append("  worker ").append(f.worker())
                        .append(": pid=").append(f.pid())
                        .append(" interval=").append(f.interval())
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
                        .append(s.overrun() == Overrun.SKIP ? " skipped=" + f.skipped() : "")
                        .append(" lateness_us=").append(f.latenessP50Us()).append('/').append(f.latenessP99Us())
                        .append('/').append(f.latenessMaxUs()).append(" (p50/p99/max)")
                        .append('\n');
            }
        }
        return b.toString();
    }

    /** basic, sync, slice or synced_slice. */
    public static String typeName(TimerType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** The route as configured, or - when there is none. */
    public static String route(PtimerSpec spec, Phase phase) {
        RouteSpec r = spec.route(phase);
        return r == null ? "-" : r.display();
    }
}
