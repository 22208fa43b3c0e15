package io.ptimer.agent.jmx;

import io.ptimer.agent.async.AsyncSystem;
import io.ptimer.agent.async.TaskGroup;
import io.ptimer.agent.cluster.Cluster;
import io.ptimer.agent.core.CoreSystem;
import io.ptimer.agent.core.CoreTimer;
import io.ptimer.agent.exec.Log;
import io.ptimer.agent.jfr.Flight;
import io.ptimer.agent.ptimer.Ptimer;
import io.ptimer.agent.ptimer.PtimerSystem;
import io.ptimer.agent.rtimer.Rtimer;
import io.ptimer.agent.rtimer.RtimerSystem;
import io.ptimer.agent.runtime.Engine;
import io.ptimer.agent.runtime.Publisher;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.management.ImmutableDescriptor;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.openmbean.OpenType;

/**
 * Puts the engine on the platform MBean server once it exists: {@code io.ptimer:type=PTimer} and an
 * MBean per timer, group and system. Opens no port: remote access is the JVM's own
 * {@code com.sun.management.jmxremote} connector, if the host enables it.
 */
public final class Jmx {
    /** The {@code String timer} parameter of the manager's operations. */
    static final MBeanParameterInfo TIMER = new MBeanParameterInfo("timer", String.class.getName(), "Timer name");
    /** The {@code int worker} parameter of the one-worker operations. */
    static final MBeanParameterInfo WORKER = new MBeanParameterInfo("worker", int.class.getName(),
            "Worker index, 0-based");

    /** The {@code String assignment} parameter of {@code set}. */
    static final MBeanParameterInfo ASSIGNMENT = new MBeanParameterInfo("assignment", String.class.getName(),
            "attribute=value: interval (e.g. 100ms), ntasks or nslices");
    /** What {@code set} does, for operators. */
    static final String SET = "Set interval, ntasks or nslices (e.g. ntasks=1500) from the next loop on, and for later starts";

    /** Made on first use, under the class's monitor. */
    private static Executor notifier;

    private Jmx() {
    }

    /** A read-only attribute of an open type, described as an MXBean would describe it. */
    static MBeanAttributeInfo attribute(String name, OpenType<?> type, String description) {
        return new MBeanAttributeInfo(name, type.getClassName(), description, true, false, false,
                new ImmutableDescriptor(new String[] {"openType", "originalType"},
                        new Object[] {type, type.getClassName()}));
    }

    /** An action returning a line that says what was asked of whom. */
    static MBeanOperationInfo operation(String name, String description, MBeanParameterInfo... params) {
        return new MBeanOperationInfo(name, description, params, String.class.getName(), MBeanOperationInfo.ACTION);
    }

    /**
     * Waits, on the calling thread, until something else makes the platform MBean server (see
     * {@link PlatformServer}), then registers the manager MBean and an MBean for every timer that has
     * none yet. Never throws; an interrupt ends the wait, with the thread's interrupt status set.
     */
    public static void publishOnceServerExists(Engine engine) {
        MBeanServer server;
        try {
            server = PlatformServer.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException | LinkageError e) {
            Log.error("ptimer: no platform MBean server, the timers cannot be steered over JMX: " + e, e);
            return;
        }
        publish(server, engine);
    }

    /**
     * Registers the MBeans from a daemon thread {@code ptimer-jmx} as soon as the platform MBean
     * server exists, and returns at once.
     */
    public static void publishLater(Engine engine) {
        Thread t = new Thread(() -> publishOnceServerExists(engine), "ptimer-jmx");
        t.setDaemon(true);
        t.start();
    }

    /** The manager MBean, then each system's MBeans as the engine hands over the systems it has made. */
    private static synchronized void publish(MBeanServer server, Engine engine) {
        register(server, MBeanNames.manager(), () -> new ManagerMBean(engine));
        engine.publish(new Faces(server));
    }

    /** Each system's MBeans on one server: those not registered yet, and later ones as they come. */
    private static final class Faces implements Publisher {
        private final MBeanServer server;

        Faces(MBeanServer server) {
            this.server = server;
        }

        @Override
        public void ptimer(PtimerSystem system) {
            for (Ptimer timer : system.timers()) {
                register(server, MBeanNames.of(MBeanNames.TIMER, timer.name()), () -> new PtimerMBean(system, timer, notifier()));
            }
            Cluster cluster = system.cluster();
            if (cluster != null) {
                register(server, MBeanNames.of(MBeanNames.CLUSTER, cluster.spec().name()),
                        () -> new ClusterMBean(cluster));
            }
        }

        @Override
        public void rtimer(RtimerSystem system) {
            for (Rtimer timer : system.timers()) {
                register(server, MBeanNames.of(MBeanNames.RTIMER, timer.name()), () -> new RtimerMBean(system, timer));
            }
        }

        @Override
        public void core(CoreSystem system) {
            system.onRegister(timer -> replace(server, timer));
            system.timers().forEach(timer -> replace(server, timer));
        }

        @Override
        public void async(AsyncSystem system) {
            publishAsync(server, system);
        }
    }

    /** The async MBeans once async is configured or used, and again after each new group. */
    private static void publishAsync(MBeanServer server, AsyncSystem async) {
        async.onChange(() -> publishAsync(server, async));
        if (!async.active()) {
            return;
        }
        register(server, MBeanNames.of(MBeanNames.ASYNC, null), () -> new AsyncMBean(async));
        for (TaskGroup g : async.groups()) {
            register(server, MBeanNames.of(MBeanNames.ASYNC_GROUP, g.name()), () -> new AsyncGroupMBean(g));
        }
    }

    /** Registers the MBean of a core timer, in place of the one of a cancelled timer of the same name. */
    private static synchronized void replace(MBeanServer server, CoreTimer timer) {
        ObjectName name = MBeanNames.of(MBeanNames.CORE_TIMER, timer.name());
        try {
            if (server.isRegistered(name)) {
                Object old = server.getAttribute(name, "cancelled");
                if (!Boolean.TRUE.equals(old) || timer.cancelled()) {
                    return;
                }
                server.unregisterMBean(name);
            }
        } catch (JMException | RuntimeException e) {
            Log.warn("ptimer: could not replace MBean " + name + ": " + e);
            return;
        }
        register(server, name, () -> new CoreTimerMBean(timer));
    }

    private static void register(MBeanServer server, ObjectName name, Supplier<Object> mbean) {
        try {
            if (!server.isRegistered(name)) {
                server.registerMBean(mbean.get(), name);
            }
        } catch (InstanceAlreadyExistsException e) {
            Log.warn("ptimer: MBean " + name + " is already registered (by another copy of the agent?)");
        } catch (JMException | RuntimeException | LinkageError e) {
            Log.error("ptimer: could not register MBean " + name + ": " + e, e);
        }
    }

    /** One daemon thread, made on demand and gone when idle, hands notifications to listeners. */
    private static synchronized Executor notifier() {
        if (notifier == null) {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, "ptimer-notifications");
                        t.setDaemon(true);
                        return t;
                    });
            notifier = pool;
        }
        return notifier;
    }

    /**
     * The error for an operation an MBean does not have, naming what it has.
     *
     * @param operations the operations and their parameters, e.g. {@code pause(), continue(), cancel()}
     */
    static ReflectionException noSuchOperation(String action, Object[] params, String operations) {
        int n = params == null ? 0 : params.length;
        return new ReflectionException(new NoSuchMethodException(action), "no operation " + action + " with " + n
                + " argument(s); operations: " + operations);
    }

    /**
     * Runs an operator's request and reports it to Flight Recorder with what came of it, the MBean it
     * came through and the calling thread. A refused request (unknown timer or worker, a value not
     * allowed, timer not running) becomes an MBeanException whose own message is the reason, which
     * JMX clients show as is.
     *
     * @param via     the MBean's name
     * @param request what is asked, e.g. {@code pause} or {@code set ntasks=1500}
     * @param worker  the worker index, or {@code null} for all
     */
    static String call(String via, String request, String timer, Integer worker, Supplier<String> action)
            throws MBeanException {
        String caller = via + " on thread " + Thread.currentThread().getName();
        int whom = worker == null ? -1 : worker;
        try {
            String outcome = action.get();
            Flight.control(request, timer, whom, caller, outcome);
            return outcome;
        } catch (IllegalArgumentException | IllegalStateException e) {
            Flight.control(request, timer, whom, caller, "refused: " + e.getMessage());
            throw new MBeanException(new IllegalArgumentException(e.getMessage()), e.getMessage());
        }
    }
}
