package io.ptimer.agent.ptimer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an operator asks of a worker, as Kamailio's {@code ptimer.*} RPC commands: pause, continue,
 * or a jump into one of the {@link Phase}s. Immutable; one instance per command.
 */
public final class Request {
    public static final Request PAUSE = new Request("pause", null, "Pause the worker(s) (ptimer.pause)");
    public static final Request CONTINUE = new Request("continue", null, "Continue what was paused (ptimer.continue)");
    private static final List<Request> ALL;

    static {
        List<Request> all = new ArrayList<>(List.of(PAUSE, CONTINUE));
        for (Phase phase : Phase.values()) {
            String what = switch (phase) {
                case START -> "the start route, with fresh vars";
                case LOOP -> "the loop route";
                case END -> "the end route";
            };
            all.add(new Request(phase.key(), phase, "Jump to " + what + "; continues a paused worker (ptimer."
                    + phase.key() + ")"));
        }
        ALL = Collections.unmodifiableList(all);
    }

    private final String command;
    private final Phase jump;
    private final String description;

    private Request(String command, Phase jump, String description) {
        this.command = command;
        this.jump = jump;
        this.description = description;
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
