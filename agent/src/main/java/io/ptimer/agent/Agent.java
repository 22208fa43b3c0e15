package io.ptimer.agent;

import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} entry points. A bad configuration at start-up stops the JVM with exit
 * status 2 and one line on stderr; the host's {@code main} never runs.
 */
public final class Agent {
    private Agent() {
    }

    /** Called by the JVM before {@code main} for {@code -javaagent:ptimer-agent.jar=ARGS}. */
    public static void premain(String args, Instrumentation inst) {
        try {
            Engine.get(inst).load(ConfigParser.parse(args));
        } catch (ConfigException e) {
            System.err.println("ptimer: " + e.getMessage());
            System.err.flush();
            System.exit(2);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("ptimer: internal error, no timer started: " + e);
        }
    }

    /** Called when the agent is loaded into a running JVM. */
    public static void agentmain(String args, Instrumentation inst) {
        try {
            Engine.get(inst).load(ConfigParser.parse(args));
        } catch (ConfigException e) {
            System.err.println("ptimer: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            System.err.println("ptimer: internal error, no timer started: " + e);
        }
    }
}
