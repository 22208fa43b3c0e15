package io.ptimer.agent.hosts;

import java.io.Closeable;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * Prints the internet sockets the process holds ({@link Sockets}) twice: before the host makes the
 * platform MBean server, and so before the agent's MBeans are registered,
 * {@code SOCKETS before registered=false <word>...}, and after they are registered,
 * used and subscribed to, {@code SOCKETS after registered=true <word>...}. With
 * {@code -Dhost.openSockets=true} the host first opens a TCP listener and a UDP socket over IPv4
 * and IPv6 itself, {@code OPENED <table>:<port>}, so that the probe can show it sees them.
 */
public final class PortHost {
    private PortHost() {
    }

    public static void main(String[] args) throws Exception {
        List<Closeable> own = new ArrayList<>();
        if (Boolean.getBoolean("host.openSockets")) {
            InetAddress v4 = InetAddress.getByName("127.0.0.1");
            InetAddress v6 = InetAddress.getByName("::1");
            own.add(opened("tcp", ServerSocketChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(v4, 0))));
            own.add(opened("tcp6", ServerSocketChannel.open(StandardProtocolFamily.INET6).bind(new InetSocketAddress(v6, 0))));
            own.add(opened("udp", DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(v4, 0))));
            own.add(opened("udp6", DatagramChannel.open(StandardProtocolFamily.INET6).bind(new InetSocketAddress(v6, 0))));
        }
        String before = String.join(" ", Sockets.held());
        ObjectName manager = new ObjectName("io.ptimer:type=PTimer");
        boolean early = MBeanServerFactory.findMBeanServer(null).stream().anyMatch(s -> s.isRegistered(manager));
        Events.say("SOCKETS before registered=" + early + " " + before);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName timer = new ObjectName("io.ptimer:type=Timer,name=ok");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!server.isRegistered(timer) && System.nanoTime() < deadline) {   // the last one registered
            Thread.sleep(20);
        }
        server.addNotificationListener(timer, (n, h) -> { }, null, null);
        server.invoke(manager, "list", new Object[0], new String[0]);
        server.invoke(manager, "pause", new Object[] {"ok"}, new String[] {String.class.getName()});
        server.invoke(manager, "continue", new Object[] {"ok"}, new String[] {String.class.getName()});
        server.getAttribute(timer, "workers");
        Thread.sleep(500);
        Events.say("SOCKETS after registered=" + server.isRegistered(manager) + " " + String.join(" ", Sockets.held()));
        for (Closeable c : own) {
            c.close();
        }
        Events.say("MAIN done");
    }

    private static Closeable opened(String table, java.nio.channels.NetworkChannel channel) throws Exception {
        Events.say("OPENED " + table + ":" + ((InetSocketAddress) channel.getLocalAddress()).getPort());
        return channel;
    }
}
