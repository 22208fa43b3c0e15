package io.ptimer.agent.cli;

import java.io.PrintStream;

/** {@code <pid> list}, {@code <pid> ptimer.list} and the other systems' lists, as {@code kamcmd <system>.list}. */
final class ListCommand {
    private ListCommand() {
    }

    /** @param operation the manager MBean's operation that gives the list */
    static int run(String pid, String operation, PrintStream out, PrintStream err) {
        return ManagerConnection.call(pid, operation, new Object[0], out, err);
    }
}
