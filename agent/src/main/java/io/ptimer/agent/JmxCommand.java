package io.ptimer.agent;

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
 * {@code java -jar ptimer-agent.jar <pid> list|pause|continue|start|loop|end ...}: calls the manager
 * MBean of a JVM on this machine through the JVM's local management agent, as JConsole does.
 */
final class JmxCommand {
    private static final long WAIT_FOR_AGENT_MILLIS = Jmx.PREMAIN_DELAY_MILLIS + 4000;

    private JmxCommand() {
    }

    /**
     * Runs one command and prints its result.
     *
     * @param worker the worker index, or {@code null} for all workers
     * @return 0 on success, 1 with the reason on {@code err} otherwise
     */
    static int run(String pid, String command, String timer, Integer worker, PrintStream out, PrintStream err) {
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
            Object result;
            if (timer == null) {
                result = server.invoke(manager, command, new Object[0], new String[0]);
            } else if (worker == null) {
                result = server.invoke(manager, command, new Object[] {timer}, new String[] {String.class.getName()});
            } else {
                result = server.invoke(manager, command, new Object[] {timer, worker},
                        new String[] {String.class.getName(), int.class.getName()});
            }
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
