package io.ptimer.agent.async;

import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.exec.Lateness;

/** The readable text of {@code async.list}: the timer threads, one line per group, the tkv route. */
final class AsyncListing {
    private AsyncListing() {
    }

    static String of(AsyncSystem system, String tkvGroup, RouteSpec tkvRoute) {
        if (!system.active()) {
            return "async: not configured and not used\n";
        }
        long[] late = system.lateness();
        StringBuilder b = new StringBuilder("async timer_threads=").append(system.timerThreads())
                .append(" pending=").append(system.pending())
                .append(" run=").append(system.runs())
                .append(" errors=").append(system.errors())
                .append(" lateness_us=").append(Lateness.percentile(late, 50) / 1000).append('/')
                .append(Lateness.percentile(late, 99) / 1000).append('/')
                .append(Lateness.percentile(late, 100) / 1000).append(" (p50/p99/max)\n");
        for (TaskGroup g : system.groups()) {
            b.append("  group ").append(g.name())
                    .append(": workers=").append(g.workers())
                    .append(" queued=").append(g.queued())
                    .append(" completed=").append(g.completed())
                    .append(" errors=").append(g.errors())
                    .append(" nonblock=").append(g.nonblock() ? 1 : 0)
                    .append(" usleep=").append(g.usleep())
                    .append(" queue=").append(g.bound()).append('\n');
        }
        b.append("  tkv: group=").append(tkvGroup == null ? "-" : tkvGroup)
                .append(" route=").append(tkvRoute == null ? "-" : tkvRoute.display()).append('\n');
        return b.toString();
    }
}
