package io.ptimer.agent.ptimer;

import java.util.List;

/**
 * What an operator asks of a worker, as Kamailio's {@code ptimer.*} RPC commands: pause, continue,
 * or a jump into one of the {@link Phase}s.
 */
public enum Request {
    PAUSE("pause", null, "Pause the worker(s) (ptimer.pause)"),
    CONTINUE("continue", null, "Continue what was paused (ptimer.continue)"),
    START(Phase.START, "the start route, with fresh vars"),
    LOOP(Phase.LOOP, "the loop route"),
    END(Phase.END, "the end route");

    private static final List<Request> ALL = List.of(values());

    private final String command;
    private final Phase jump;
    private final String description;

    Request(String command, Phase jump, String description) {
        this.command = command;
        this.jump = jump;
        this.description = description;
    }

    Request(Phase jump, String what) {
        this(jump.key(), jump, "Jump to " + what + "; continues a paused worker (ptimer." + jump.key() + ")");
    }

    /** Every request, in the order of the RPC commands. */
    public static List<Request> all() {
        return ALL;
    }

    /** The request with the given command name, or {@code null}. */
    public static Request of(String command) {
        for (Request r : ALL) {
            if (r.command.equals(command)) {
                return r;
            }
        }
        return null;
    }

    /** The command's name, as in {@code kamcmd ptimer.<name>}. */
    public String command() {
        return command;
    }

    /** The phase this request jumps into, or {@code null} for pause and continue. */
    public Phase jump() {
        return jump;
    }

    /** What it does, for operators. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return command;
    }
}
