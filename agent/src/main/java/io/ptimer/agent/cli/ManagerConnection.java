package io.ptimer.agent.cli;

import io.ptimer.agent.jmx.Jmx;

import com.sun.tools.attach.VirtualMachine;
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
 * Calls one operation of the manager MBean of a JVM on this machine through that JVM's local
 * management agent, as JConsole does, and prints its result.
 */
final class ManagerConnection {
    private static final long WAIT_FOR_AGENT_MILLIS = Jmx.PREMAIN_DELAY_MILLIS + 4000;

    private ManagerConnection() {
    }

    /**
     * Invokes {@code operation} with {@code params} (Strings and Integers) and prints its result.
     *
     * @return 0 on success, 1 with the reason on {@code err} otherwise
     */
    static int call(String pid, String operation, Object[] params, PrintStream out, PrintStream err) {
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
            ObjectName manager = Jmx.managerName();
            long deadline = System.currentTimeMillis() + WAIT_FOR_AGENT_MILLIS;
            while (!server.isRegistered(manager)) {
                if (System.currentTimeMillis() > deadline) {
                    err.println("ptimer: JVM " + pid + " has no ptimer agent (no MBean " + manager
                            + "); load it with: java -jar ptimer-agent.jar attach " + pid + " ARGS");
                    return 1;
                }
                Thread.sleep(100);
            }
            String[] signature = new String[params.length];
            for (int i = 0; i < params.length; i++) {
                signature[i] = params[i] instanceof Integer ? int.class.getName() : String.class.getName();
            }
            Object result = server.invoke(manager, operation, params, signature);
            String text = String.valueOf(result);
            out.print(text.endsWith("\n") ? text : text + "\n");
            return 0;
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
