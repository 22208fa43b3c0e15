package io.ptimer.agent.cli;

import java.io.PrintStream;

/**
 * {@code <pid> list} and {@code <pid> ptimer.list}: everything the engine runs, as the manager
 * MBean's {@code list()} gives it; {@code rtimer.list} and {@code core.list}: the blocks of one
 * system alone, as {@code kamcmd <system>.list}.
 */
final class ListCommand {
    private ListCommand() {
    }

    /** @param prefix the first word of the blocks to keep ({@code rtimer}, {@code core timer}), or {@code null} for all */
    static int run(String pid, String prefix, PrintStream out, PrintStream err) {
        return ManagerConnection.call(pid, (server, manager) -> {
            String list = ManagerConnection.invoke(server, manager, "list");
            return prefix == null ? list : blocks(list, prefix + " ");
        }, out, err);
    }

    /** The blocks of a listing whose first line starts with {@code start}, with their indented lines. */
    static String blocks(String list, String start) {
        StringBuilder kept = new StringBuilder();
        boolean keep = false;
        for (String line : list.split("\n")) {
            if (!line.startsWith(" ")) {
                keep = line.startsWith(start);
            }
            if (keep) {
                kept.append(line).append('\n');
            }
        }
        return kept.length() == 0 ? "no " + start.trim() + "s loaded\n" : kept.toString();
    }
}
