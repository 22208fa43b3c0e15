package io.ptimer.agent.cli;

import java.io.PrintStream;
import java.util.TreeSet;
import javax.management.ObjectName;

/**
 * {@code <pid> rtimer.pause|rtimer.continue <timer> [worker]}: pauses or continues all threads of an
 * rtimer or one, through its MBean {@code io.ptimer:type=RTimer,name=<timer>}.
 */
final class RtimerCommand {
    private RtimerCommand() {
    }

    /**
     * @param operation {@code pause} or {@code continue}
     * @param worker    the thread index, or {@code null} for all threads
     */
    static int run(String pid, String operation, String timer, Integer worker, PrintStream out, PrintStream err) {
        return ManagerConnection.call(pid, (server, manager) -> {
            ObjectName mbean = timer.matches("[A-Za-z0-9_.-]+") ? new ObjectName("io.ptimer:type=RTimer,name=" + timer)
                    : null;
            if (mbean == null || !server.isRegistered(mbean)) {
                TreeSet<String> names = new TreeSet<>();
                server.queryNames(new ObjectName("io.ptimer:type=RTimer,*"), null)
                        .forEach(n -> names.add(n.getKeyProperty("name")));
                throw new IllegalArgumentException("unknown rtimer \"" + timer + "\" (rtimers: "
                        + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
            }
            return worker == null ? ManagerConnection.invoke(server, mbean, operation)
                    : ManagerConnection.invoke(server, mbean, operation, worker);
        }, out, err);
    }
}
