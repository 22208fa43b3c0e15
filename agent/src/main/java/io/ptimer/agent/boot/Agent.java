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
 *
 * <p>Before {@code main} the agent only checks the configuration and binds the routes; everything
 * else happens on its own thread. That path uses no lambda, regular expression or java.nio file
 * channel: on a small VM the first use of each costs milliseconds of the host's start-up. For the
 * same reason the manifest's {@code Boot-Class-Path} has the JVM load this class and all the others
 * with its bootstrap loader, whose native code needs no warm-up: nothing here may assume a class
 * loader of its own.
 */
public final class Agent {
    private Agent() {
    }

    /** Called by the JVM before {@code main} for {@code -javaagent:ptimer-agent.jar=ARGS}. */
    public static void premain(String args, Instrumentation inst) {
        try {
            Engine engine = Engine.get(inst);
            startLater(engine, engine.plan(args));
        } catch (ConfigException e) {
            System.err.println("ptimer: " + e.getMessage());
            System.err.flush();
            System.exit(2);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("ptimer: internal error, no timer started: " + e);
        }
    }

    /**
     * Starts the checked timers on a daemon thread, so the host's {@code main} need not wait for
     * their threads and generated classes; the same thread then registers the MBeans as soon as the
     * platform MBean server exists. This class, not {@link Jmx}, starts the thread, so premain loads
     * no JMX class.
     */
    private static void startLater(Engine engine, Engine.Plan plan) {
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    plan.start();
                } catch (RuntimeException | LinkageError e) {
                    System.err.println("ptimer: internal error, no timer started: " + e);
                    return;
                }
                Jmx.publishOnceServerExists(engine);
            }
        }, "ptimer-start");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Called when the agent is loaded into a running JVM. When {@code attach} loaded it, the
     * outcome is also left for that command to read (see {@link AttachReply}). The daemon thread
     * {@code ptimer-jmx} registers the MBeans as soon as the platform MBean server exists.
     */
    public static void agentmain(String args, Instrumentation inst) {
        AttachReply request = AttachReply.parse(args);
        String outcome;
        try {
            Engine engine = Engine.get(inst);
            List<String> loaded = engine.load(request.args());
            Jmx.publishLater(engine);
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
