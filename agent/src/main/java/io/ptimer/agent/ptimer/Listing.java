package io.ptimer.agent.ptimer;

import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.config.Interval;
import io.ptimer.agent.exec.ListingBuilder;
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
        ListingBuilder b = new ListingBuilder();
        for (Ptimer t : timers) {
            PtimerSpec s = t.spec();
            Settings now = t.settings();
            boolean skip = s.overrun() == Overrun.SKIP;
            b.line("timer " + s.name() + ":")
                    .field("type", s.type().code()).word("(" + typeName(s.type()) + ")")
                    .field("interval", Interval.format(now.intervalNanos()))
                    .field("nworkers", s.nworkers())
                    .field("ntasks", now.ntasks())
                    .field("nslices", now.nslices())
                    .field("start", route(s, Phase.START))
                    .field("loop", route(s, Phase.LOOP))
                    .field("end", route(s, Phase.END));
            if (skip) {
                b.field("overrun", "skip");
            }
            if (s.sharedThread() && s.precision() != Precision.SPIN) {
                b.field("thread", "shared");
            }
            b.field("status", t.status());
            for (Worker w : t.workers()) {
                WorkerFigures f = WorkerFigures.of(w);
                b.item("worker " + f.worker() + ":")
                        .field("pid", f.pid())
                        .field("interval", f.interval())
                        .field("ntasks", f.ntasks())
                        .field("tasks", f.tasks())
                        .field("nslices", f.nslices())
                        .field("slice", f.slice())
                        .flag("paused", f.paused())
                        .field("route", f.phase())
                        .field("state", f.state())
                        .field("iterations", f.iterations())
                        .field("errors", f.errors())
                        .field("overruns", f.overruns());
                if (skip) {
                    b.field("skipped", f.skipped());
                }
                b.lateness(f.latenessP50Us(), f.latenessP99Us(), f.latenessMaxUs());
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
