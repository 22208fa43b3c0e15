package io.ptimer.agent.async;

import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.exec.ListingBuilder;

/** The readable text of {@code async.list}: the timer threads, one line per group, the tkv route. */
final class AsyncListing {
    private AsyncListing() {
    }

    static String of(AsyncSystem system, String tkvGroup, RouteSpec tkvRoute) {
        if (!system.active()) {
            return "async: not configured and not used\n";
        }
        ListingBuilder b = new ListingBuilder().line("async")
                .field("timer_threads", system.timerThreads())
                .field("pending", system.pending())
                .field("run", system.runs())
                .field("errors", system.errors())
                .lateness(system.lateness());
        for (TaskGroup g : system.groups()) {
            b.item("group " + g.name() + ":")
                    .field("workers", g.workers())
                    .field("queued", g.queued())
                    .field("completed", g.completed())
                    .field("errors", g.errors())
                    .flag("nonblock", g.nonblock())
                    .field("usleep", g.usleep())
                    .field("queue", g.bound());
        }
        b.item("tkv:")
                .field("group", tkvGroup == null ? "-" : tkvGroup)
                .field("route", tkvRoute == null ? "-" : tkvRoute.display());
        return b.toString();
    }
}
