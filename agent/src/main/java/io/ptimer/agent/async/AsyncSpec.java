package io.ptimer.agent.async;

import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.exec.Precision;
import java.util.List;

/**
 * What one configuration says of the async system. Immutable.
 *
 * @param configured whether any async entry was given
 * @param timers     the number of {@code async-timer-<i>} threads ({@code async.workers}), or 0 when not given
 * @param precision  how those threads wait ({@code async.precision}), or {@code null} when not given
 * @param groups     the task groups, in the order configured
 * @param tkvGroup   the group of type/key/value events ({@code async_tkv_gname}), or {@code null}
 * @param tkvRoute   the event route ({@code async_tkv_evcb}), or {@code null}
 * @param notes      lines for stderr about entries that do nothing on the JVM
 */
record AsyncSpec(boolean configured, int timers, Precision precision, List<GroupSpec> groups, String tkvGroup, RouteSpec tkvRoute,
                 List<String> notes) {

    AsyncSpec {
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
    }
}
