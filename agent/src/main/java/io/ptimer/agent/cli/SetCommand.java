package io.ptimer.agent.cli;

import java.io.PrintStream;

/**
 * {@code <pid> set <timer> <attribute>=<value> [worker]} (also {@code ptimer.set}): changes a timer's
 * interval, ntasks or nslices while it runs, through the manager MBean's {@code set}.
 */
final class SetCommand {
    private SetCommand() {
    }

    /** @param worker the worker index, or {@code null} for all workers */
    static int run(String pid, String timer, String assignment, Integer worker, PrintStream out, PrintStream err) {
        return ManagerConnection.call(pid, (server, manager) -> worker == null
                ? ManagerConnection.invoke(server, manager, "set", timer, assignment)
                : ManagerConnection.invoke(server, manager, "set", timer, assignment, worker), out, err);
    }
}
