package io.ptimer.agent.cli;

import java.io.PrintStream;

/**
 * {@code <pid> list} and {@code <pid> ptimer.list}: everything the engine runs, as the manager
 * MBean's {@code list()} gives it; {@code rtimer.list}, {@code core.list}, {@code async.list} and
 * {@code cluster.list}: one section alone, as {@code kamcmd <system>.list}, from its
 * {@code list(String section)}.
 */
final class ListCommand {
    private ListCommand() {
    }

    /** @param section the section to show ({@code rtimer}, {@code core}, ...), or {@code null} for all */
    static int run(String pid, String section, PrintStream out, PrintStream err) {
        return ManagerConnection.call(pid, (server, manager) -> section == null
                ? ManagerConnection.invoke(server, manager, "list")
                : ManagerConnection.invoke(server, manager, "list", section), out, err);
    }
}
