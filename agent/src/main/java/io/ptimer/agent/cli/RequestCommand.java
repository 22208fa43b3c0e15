package io.ptimer.agent.cli;

import java.io.PrintStream;

/**
 * {@code <pid> pause|continue|start|loop|end <timer> [worker]} (also {@code ptimer.pause ...}) and
 * {@code rtimer.pause|rtimer.continue <timer> [worker]}: one request to all workers (threads) of a
 * timer or one, as {@code kamcmd ptimer.<request>}.
 */
final class RequestCommand {
    private RequestCommand() {
    }

    /**
     * @param operation the manager MBean's operation
     * @param worker    the worker index, or {@code null} for all workers
     */
    static int run(String pid, String operation, String timer, Integer worker, PrintStream out, PrintStream err) {
        Object[] params = worker == null ? new Object[] {timer} : new Object[] {timer, worker};
        return ManagerConnection.call(pid, operation, params, out, err);
    }
}
