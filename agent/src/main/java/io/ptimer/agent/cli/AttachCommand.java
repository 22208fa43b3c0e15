package io.ptimer.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.VirtualMachine;
import io.ptimer.agent.boot.AttachReply;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.UUID;

/**
 * {@code java -jar ptimer-agent.jar attach <pid> [ARGS]}: loads this jar, as an {@link AttachableJar},
 * into a running JVM and prints the outcome the agent leaves (see {@link AttachReply}), so a bad ARGS
 * is reported here, not only on the host's stderr.
 */
final class AttachCommand {

    private AttachCommand() {
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
            Path jar = null;
            try {
                jar = AttachableJar.of(Path.of(Cli.agentJar()));
                vm.loadAgent(jar.toString(), AttachReply.request(id, args));
                outcome = vm.getSystemProperties().getProperty(AttachReply.property(id));
            } finally {
                vm.detach();
                if (jar != null) {
                    AttachableJar.delete(jar);
                }
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
        if (outcome.startsWith(AttachReply.ERROR)) {
            err.println(outcome.substring(AttachReply.ERROR.length()));
            return 2;
        }
        out.println("ptimer: " + outcome.substring(AttachReply.OK.length()) + " in JVM " + pid);
        return 0;
    }
}
