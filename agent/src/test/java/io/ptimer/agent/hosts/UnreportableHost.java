package io.ptimer.agent.hosts;

import io.ptimer.api.Async;
import io.ptimer.api.CoreTimers;
import java.util.ArrayList;
import java.util.List;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Drives every timer system's {@link Unreportable} routes, {@code host.calls} times each for the async
 * ones, lets the periodic ones run {@code host.millis} ms, then prints {@code CALLS <system>=<n> ...}
 * and what the MBeans count once those named by {@code host.mbeans} (separated by {@code ;}) are there:
 * {@code ERRORS <mbean>=<n> ...}. With the argument {@code kinds} it only lets the ptimer timer
 * {@code kinds} run.
 */
public final class UnreportableHost {
    private static final String R = "io.ptimer.agent.hosts.Unreportable::";

    private UnreportableHost() {
    }

    public static void main(String[] args) throws Exception {
        Events.say("MAIN started");
        if (args.length == 0 || !args[0].equals("kinds")) {
            CoreTimers.registerTimerMs("cu", Unreportable::core, null, 5);
            int calls = Integer.getInteger("host.calls", 50);
            for (int i = 0; i < calls; i++) {
                Async.taskGroupRoute(R + "task", "g");
                Async.msRoute(R + "delayed", 1 + i % 20);
                Async.tkvEmit(1, "k", "v");
            }
        }
        Thread.sleep(Long.getLong("host.millis", 1500));
        StringBuilder calls = new StringBuilder("CALLS");
        Unreportable.CALLS.forEach((system, n) -> calls.append(' ').append(system).append('=').append(n));
        Events.say(calls.toString());
        List<ObjectName> expected = new ArrayList<>();
        for (String name : System.getProperty("host.mbeans", "").split(";")) {
            if (!name.isEmpty()) {
                expected.add(Mbeans.name(name));
            }
        }
        MBeanServer server = Mbeans.awaiting(expected.toArray(ObjectName[]::new));
        StringBuilder errors = new StringBuilder("ERRORS");
        for (ObjectName name : server.queryNames(new ObjectName("io.ptimer:*"), null)) {
            try {
                Object n = server.getAttribute(name, "errors");
                errors.append(' ').append(name.getKeyProperty("type")).append('/').append(name.getKeyProperty("name"))
                        .append('=').append(n);
            } catch (AttributeNotFoundException noErrorCount) {
                // The manager MBean counts nothing of its own.
            }
        }
        Events.say(errors.toString());
        Object list = server.invoke(Mbeans.name("io.ptimer:type=PTimer"), "list", new Object[0], new String[0]);
        Events.say("LIST " + String.valueOf(list).replace('\n', '|'));
        Events.say("MAIN done");
    }
}
