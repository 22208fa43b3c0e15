package io.ptimer.agent.hosts;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The internet sockets this process holds, of any state, TCP and UDP over IPv4 and IPv6: the
 * socket inodes of {@code /proc/self/fd} looked up in {@code /proc/self/net/{tcp,tcp6,udp,udp6}}.
 */
public final class Sockets {
    public static final List<String> TABLES = List.of("tcp", "tcp6", "udp", "udp6");

    private Sockets() {
    }

    /** One word per socket, {@code <table>:<local port>:<state in hex>}, e.g. {@code tcp:41234:0A} for a TCP listener. */
    public static Set<String> held() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
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
        Set<String> held = new TreeSet<>();
        for (String table : TABLES) {
            Path path = Path.of("/proc/self/net", table);
            if (!Files.exists(path)) {
                throw new IOException(path + " is missing: the probe cannot see " + table + " sockets");
            }
            for (String line : Files.readAllLines(path)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].contains(":") && inodes.contains(f[9])) {
                    String local = f[1];
                    int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
                    held.add(table + ":" + port + ":" + f[3]);
                }
            }
        }
        return held;
    }
}
