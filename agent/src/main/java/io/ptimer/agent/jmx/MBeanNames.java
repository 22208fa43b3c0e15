package io.ptimer.agent.jmx;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The one place that spells the agent's MBean names: {@code io.ptimer:type=<Type>[,name=<name>]}.
 * A timer's or group's name is already checked ({@link io.ptimer.agent.config.Names#isName}), so it
 * needs no quoting.
 */
public final class MBeanNames {
    /** The manager MBean. */
    public static final String MANAGER = "io.ptimer:type=PTimer";
    /** The types of the other MBeans: one per ptimer timer, rtimer, core timer, cluster, and async's. */
    public static final String TIMER = "Timer";
    public static final String RTIMER = "RTimer";
    public static final String CORE_TIMER = "CoreTimer";
    public static final String CLUSTER = "Cluster";
    public static final String ASYNC = "Async";
    public static final String ASYNC_GROUP = "AsyncGroup";
    private static final String DOMAIN = "io.ptimer:type=";

    private MBeanNames() {
    }

    /** {@value #MANAGER}. */
    public static ObjectName manager() {
        return of(MANAGER);
    }

    /** The MBean of {@code type} named {@code name}, e.g. {@code RTimer} and {@code cdr}; a {@code null} name for a type of one MBean. */
    public static ObjectName of(String type, String name) {
        return of(text(type, name));
    }

    /** As {@link #of(String, String)}, as text. */
    public static String text(String type, String name) {
        return name == null ? DOMAIN + type : DOMAIN + type + ",name=" + name;
    }

    /** The pattern of every MBean of {@code type}. */
    public static ObjectName all(String type) {
        return of(DOMAIN + type + ",*");
    }

    private static ObjectName of(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
