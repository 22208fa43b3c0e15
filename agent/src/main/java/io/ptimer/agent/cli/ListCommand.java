package io.ptimer.agent.cli;

import java.io.PrintStream;

/** {@code <pid> list} or {@code <pid> ptimer.list}: the timers and their workers, as {@code kamcmd ptimer.list}. */
final class ListCommand {
    private ListCommand() {
    }

    static int run(String pid, PrintStream out, PrintStream err) {
        return ManagerConnection.call(pid, "list", new Object[0], out, err);
    }
}
