package io.ptimer.agent.cli;

import io.ptimer.agent.config.Names;
import io.ptimer.agent.jmx.MBeanNames;
import java.io.PrintStream;
import java.util.TreeSet;
import javax.management.ObjectName;

/**
 * {@code <pid> rtimer.pause|rtimer.continue <timer> [worker]} and {@code <pid> rtimer.set <timer>
 * interval=<value>}: an operation of the rtimer's MBean {@code io.ptimer:type=RTimer,name=<timer>}.
 */
final class RtimerCommand {
    private RtimerCommand() {
    }

    /**
     * @param operation {@code pause}, {@code continue} or {@code set}
     * @param params    the operation's arguments: none, a thread index, or an assignment
     */
    static int run(String pid, String operation, String timer, Object[] params, PrintStream out, PrintStream err) {
        return ManagerConnection.call(pid, (server, manager) -> {
            ObjectName mbean = Names.isName(timer) ? MBeanNames.of(MBeanNames.RTIMER, timer) : null;
            if (mbean == null || !server.isRegistered(mbean)) {
                TreeSet<String> names = new TreeSet<>();
                server.queryNames(MBeanNames.all(MBeanNames.RTIMER), null)
                        .forEach(n -> names.add(n.getKeyProperty("name")));
                throw new IllegalArgumentException("unknown rtimer \"" + timer + "\" (rtimers: "
                        + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
            }
            return ManagerConnection.invoke(server, mbean, operation, params);
        }, out, err);
    }
}
