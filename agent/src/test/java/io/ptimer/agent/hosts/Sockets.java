package io.ptimer.agent.hosts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The internet sockets a process holds, of any state, TCP and UDP over IPv4 and IPv6: the socket
 * inodes of {@code /proc/<pid>/fd} looked up in {@code /proc/<pid>/net/{tcp,tcp6,udp,udp6}}.
 * Shared with the samples' tests through the agent's test jar.
 */
public final class Sockets {
    public static final List<String> TABLES = List.of("tcp", "tcp6", "udp", "udp6");
    /** The state {@code /proc/net/tcp} gives a listening socket. */
    public static final String LISTEN = "0A";

    /** One socket: its table ({@code tcp}, {@code udp6}...), local address and state in hex. */
    public record Socket(String table, InetSocketAddress local, String state) {
        /** {@code <table>:<local port>:<state in hex>}, e.g. {@code tcp:41234:0A} for a TCP listener. */
        public String word() {
            return table + ":" + local.getPort() + ":" + state;
        }
    }

    private Sockets() {
    }

    /** The words ({@link Socket#word()}) of the sockets this process holds, sorted. */
    public static Set<String> held() throws IOException {
        Set<String> held = new TreeSet<>();
        for (Socket s : held(Path.of("/proc/self"))) {
            held.add(s.word());
        }
        return held;
    }

    /** The TCP sockets process {@code pid} holds in LISTEN state. */
    public static List<InetSocketAddress> listening(long pid) throws IOException {
        List<InetSocketAddress> listening = new ArrayList<>();
        for (Socket s : held(Path.of("/proc", String.valueOf(pid)))) {
            if (s.table().startsWith("tcp") && s.state().equals(LISTEN)) {
                listening.add(s.local());
            }
        }
        return listening;
    }

    private static List<Socket> held(Path proc) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        List<Socket> held = new ArrayList<>();
        for (String table : TABLES) {
            Path path = proc.resolve("net").resolve(table);
            if (!Files.exists(path)) {
                throw new IOException(path + " is missing: the probe cannot see " + table + " sockets");
            }
            for (String line : Files.readAllLines(path)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].contains(":") && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    held.add(new Socket(table, new InetSocketAddress(address(local[0]), Integer.parseInt(local[1], 16)),
                            f[3]));
                }
            }
        }
        return held;
    }

    /** An address as /proc/net writes it: 32-bit words in hex, each in host (little-endian) byte order. */
    private static InetAddress address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = (word * 4 + 3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
