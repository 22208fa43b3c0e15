package io.ptimer.agent.boot;

/**
 * How {@code agentmain} tells the {@code attach} command the outcome of a load: the command sends
 * {@code ptimer-attach=<id>|ARGS} as agent arguments, and the agent leaves {@code ok ...} or
 * {@code error ptimer: ...} in the target's system property {@code ptimer.attach.<id>}, which the
 * command reads back through the same attach connection.
 *
 * @param id   where to reply, or {@code null} when the agent was loaded some other way
 * @param args the user's ARGS
 */
public record AttachReply(String id, String args) {
    public static final String OK = "ok ";
    public static final String ERROR = "error ";
    private static final String MARK = "ptimer-attach=";
    private static final String PROPERTY = "ptimer.attach.";

    /** The agent arguments as {@code agentmain} received them. */
    static AttachReply parse(String raw) {
        if (raw != null && raw.startsWith(MARK)) {
            int bar = raw.indexOf('|');
            if (bar > MARK.length()) {
                return new AttachReply(raw.substring(MARK.length(), bar), raw.substring(bar + 1));
            }
        }
        return new AttachReply(null, raw);
    }

    /** The agent arguments that ask the agent to reply under {@code id}. */
    public static String request(String id, String args) {
        return MARK + id + "|" + (args == null ? "" : args);
    }

    /** The system property in which the agent replies under {@code id}. */
    public static String property(String id) {
        return PROPERTY + id;
    }

    /** Leaves the outcome where the attach command looks for it. */
    void reply(String outcome) {
        if (id != null) {
            System.setProperty(property(id), outcome);
        }
    }
}
