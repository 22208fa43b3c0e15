package io.ptimer.agent.boot;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.jmx.Jmx;
import io.ptimer.agent.runtime.Engine;
import java.lang.instrument.Instrumentation;
import java.util.List;

/**
 * The {@code -javaagent} entry points. A bad configuration at start-up stops the JVM with exit
 * status 2 and one line on stderr; the host's {@code main} never runs. Loaded at run time, a bad
 * configuration changes nothing and the host keeps running.
 */
public final class Agent {
    private Agent() {
    }

    /** Called by the JVM before {@code main} for {@code -javaagent:ptimer-agent.jar=ARGS}. */
    public static void premain(String args, Instrumentation inst) {
        try {
            Engine engine = Engine.get(inst);
            engine.load(args);
            publishLater(engine);
        } catch (ConfigException e) {
            System.err.println("ptimer: " + e.getMessage());
            System.err.flush();
            System.exit(2);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("ptimer: internal error, no timer started: " + e);
        }
    }

    /**
     * Registers the MBeans on a daemon thread a moment after start-up: creating the platform MBean
     * server starts java.util.logging, and the host must be free to choose its own log manager
     * first. This class, not {@link Jmx}, starts the thread, so premain loads no JMX class.
     */
    private static void publishLater(Engine engine) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(Jmx.PREMAIN_DELAY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Jmx.publish(engine);
        }, "ptimer-jmx");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Called when the agent is loaded into a running JVM. When {@code attach} loaded it, the
     * outcome is also left for that command to read (see {@link AttachReply}).
     */
    public static void agentmain(String args, Instrumentation inst) {
        AttachReply request = AttachReply.parse(args);
        String outcome;
        try {
            Engine engine = Engine.get(inst);
            List<String> loaded = engine.load(request.args());
            Jmx.publish(engine);
            outcome = AttachReply.OK + loaded(loaded);
        } catch (ConfigException e) {
            outcome = AttachReply.ERROR + "ptimer: " + e.getMessage();
            System.err.println("ptimer: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            outcome = AttachReply.ERROR + "ptimer: internal error, no timer started: " + e;
            System.err.println("ptimer: internal error, no timer started: " + e);
        }
        request.reply(outcome);
    }

    private static String loaded(List<String> names) {
        if (names.isEmpty()) {
            return "agent loaded with no timers";
        }
        return (names.size() == 1 ? "loaded timer " : "loaded timers ") + String.join(", ", names);
    }
}
