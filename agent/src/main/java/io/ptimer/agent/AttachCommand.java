package io.ptimer.agent;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.PrintStream;
import java.util.UUID;

/**
 * {@code java -jar ptimer-agent.jar attach <pid> [ARGS]}: loads this jar as an agent into a
 * running JVM. The agent leaves its outcome in the target's system property
 * {@code ptimer.attach.<id>} ({@code ok ...} or {@code error ptimer: ...}), which this command
 * reads back through the same attach connection, so a bad ARGS is reported here, not only on the
 * host's stderr.
 */
final class AttachCommand {
    static final String OK = "ok ";
    static final String ERROR = "error ";
    private static final String MARK = "ptimer-attach=";
    private static final String PROPERTY = "ptimer.attach.";

    private AttachCommand() {
    }

    /**
     * The agent arguments as {@code agentmain} received them: the user's ARGS and, when the attach
     * command sent them, the id under which to reply.
     */
    record Request(String id, String args) {
        static Request parse(String raw) {
            if (raw != null && raw.startsWith(MARK)) {
                int bar = raw.indexOf('|');
                if (bar > MARK.length()) {
                    return new Request(raw.substring(MARK.length(), bar), raw.substring(bar + 1));
                }
            }
            return new Request(null, raw);
        }

        /** Leaves the outcome where the attach command looks for it. */
        void reply(String outcome) {
            if (id != null) {
                System.setProperty(PROPERTY + id, outcome);
            }
        }
    }

    /**
     * Loads the agent into {@code pid} with {@code args} and prints the outcome.
     *
     * @return 0 when the agent loaded its timers, 2 for a bad configuration, 1 when the JVM could
     *     not be attached or the agent not loaded
     */
    static int run(String pid, String args, PrintStream out, PrintStream err) {
        String id = UUID.randomUUID().toString();
        String outcome;
        try {
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                vm.loadAgent(Cli.agentJar(), MARK + id + "|" + (args == null ? "" : args));
                outcome = vm.getSystemProperties().getProperty(PROPERTY + id);
            } finally {
                vm.detach();
            }
        } catch (AgentLoadException | AgentInitializationException e) {
            err.println("ptimer: the JVM " + pid + " refused the agent: " + e.getMessage());
            return 1;
        } catch (IOException | com.sun.tools.attach.AttachNotSupportedException | RuntimeException e) {
            err.println("ptimer: cannot attach to JVM " + pid + ": " + e.getMessage());
            return 1;
        }
        if (outcome == null) {
            err.println("ptimer: the agent in JVM " + pid + " gave no answer (an older ptimer agent loaded from"
                    + " another jar?); see that JVM's stderr");
            return 1;
        }
        if (outcome.startsWith(ERROR)) {
            err.println(outcome.substring(ERROR.length()));
            return 2;
        }
        out.println("ptimer: " + outcome.substring(OK.length()) + " in JVM " + pid);
        return 0;
    }
}
