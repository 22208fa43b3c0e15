package io.ptimer.agent;

import java.util.Locale;

/** What an operator can ask of a worker: Kamailio's {@code ptimer.*} RPC commands. */
enum Request {
    PAUSE, CONTINUE, START, LOOP, END;

    /** The command's name, as in {@code kamcmd ptimer.<name>}. */
    String command() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The request with the given command name, or {@code null}. */
    static Request of(String command) {
        for (Request r : values()) {
            if (r.command().equals(command)) {
                return r;
            }
        }
        return null;
    }
}
