package io.ptimer.agent.cli;

import java.io.PrintStream;

/**
 * {@code <pid> pause|continue|start|loop|end <timer> [worker]} (also {@code ptimer.pause ...}): one
 * request to all workers of a timer or one, through the manager MBean, as {@code kamcmd ptimer.<request>}.
 */
final class RequestCommand {
    private RequestCommand() {
    }

    /** @param worker the worker index, or {@code null} for all workers */
    static int run(String pid, String request, String timer, Integer worker, PrintStream out, PrintStream err) {
        return ManagerConnection.call(pid, (server, manager) -> worker == null
                ? ManagerConnection.invoke(server, manager, request, timer)
                : ManagerConnection.invoke(server, manager, request, timer, worker), out, err);
    }
}
