package io.ptimer.agent.cli;

import com.sun.tools.attach.VirtualMachine;
import io.ptimer.agent.jmx.MBeanNames;
import java.io.IOException;
import java.io.PrintStream;
import javax.management.JMException;
import javax.management.MBeanException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Talks to the MBeans of a JVM on this machine through that JVM's local management agent, as
 * JConsole does, once its manager MBean is there, and prints what the call returns.
 */
final class ManagerConnection {

    /** One call on the JVM's MBeans; returns the text to print. */
    @FunctionalInterface
    interface Call {
        /** @throws IllegalArgumentException refusing the call, with the reason */
        String on(MBeanServerConnection server, ObjectName manager) throws JMException, IOException;
    }
    /** How long a JVM that was just started or attached to has to register the manager MBean. */
    private static final long WAIT_FOR_AGENT_MILLIS = 5000;

    private ManagerConnection() {
    }

    /**
     * Invokes {@code operation} of {@code mbean} with {@code params} (Strings and Integers).
     *
     * @return the operation's result as text
     */
    static String invoke(MBeanServerConnection server, ObjectName mbean, String operation, Object... params)
            throws JMException, IOException {
        String[] signature = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            signature[i] = params[i] instanceof Integer ? int.class.getName() : String.class.getName();
        }
        return String.valueOf(server.invoke(mbean, operation, params, signature));
    }

    /**
     * Makes {@code call} on the JVM {@code pid} and prints its result.
     *
     * @return 0 on success, 1 with the reason on {@code err} otherwise
     */
    static int call(String pid, Call call, PrintStream out, PrintStream err) {
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (IOException | com.sun.tools.attach.AttachNotSupportedException | RuntimeException e) {
            err.println("ptimer: cannot attach to JVM " + pid + ": " + e.getMessage());
            return 1;
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName manager = MBeanNames.manager();
            long deadline = System.currentTimeMillis() + WAIT_FOR_AGENT_MILLIS;
            while (!server.isRegistered(manager)) {
                if (System.currentTimeMillis() > deadline) {
                    err.println("ptimer: JVM " + pid + " has no ptimer agent (no MBean " + manager
                            + "); load it with: java -jar ptimer-agent.jar attach " + pid + " ARGS");
                    return 1;
                }
                Thread.sleep(20);
            }
            String text = call.on(server, manager);
            out.print(text.endsWith("\n") ? text : text + "\n");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("ptimer: " + e.getMessage());
            return 1;
        } catch (MBeanException | RuntimeMBeanException e) {
            err.println("ptimer: " + e.getMessage());
            return 1;
        } catch (JMException | IOException e) {
            err.println("ptimer: JMX call to JVM " + pid + " failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
