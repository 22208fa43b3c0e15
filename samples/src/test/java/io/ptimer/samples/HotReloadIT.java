package io.ptimer.samples;

import static io.ptimer.samples.SampleRun.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The hot-reload sample's outcome (Kamailio ptimer module documentation, section 6.3.2): new data
 * is put to the sample's own API over
 * HTTP, and {@code start t1} through the agent's command line makes the worker load it.
 */
class HotReloadIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void startT1MakesTheWorkerLoadTheNewDataWithoutARestart() throws Exception {
        SampleRun run = SampleRun.start("hot-reload.cfg", "io.ptimer.samples.hotreload.HotReload",
                "--manual", "--seconds", "7");
        try {
            String head = run.awaitLine("hot-reload tasks:", TIMEOUT);
            URI api = URI.create(head.substring(head.indexOf("http://")));
            assertEquals("127.0.0.1", api.getHost(), "the printed URL names loopback");
            List<InetSocketAddress> listening = listening(run.pid());
            assertEquals(1, listening.size(), "the sample listens on one socket: " + listening);
            assertTrue(listening.get(0).getAddress().isLoopbackAddress(), "the API socket is bound to loopback only, "
                    + "not to every interface: " + listening);
            assertEquals(api.getPort(), listening.get(0).getPort(), "the printed URL is the bound socket's");
            run.awaitLine("   2 ", TIMEOUT);
            String items = IntStream.range(0, 12).mapToObj(i -> "{\"a\":" + (5 + i) + "}").collect(Collectors.joining(","));
            HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"data\":[" + items + "],\"len\":3}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode(), "len must match the data");
            HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"data\":[" + items + "],\"len\":12}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, put.statusCode(), put.body());
            QueueControlIT.cli(run.pid(), "start", "t1");
            assertEquals(0, run.await(TIMEOUT), run::toString);
        } finally {
            run.destroy();
        }
        Map<String, String> f = run.figures(null);
        assertEquals(2, num(f, "loads"), "the first data, then the new data\n" + run);
        assertEquals(12, num(f, "last_len"), "ntasks follows len\n" + run);
        assertTrue(num(f, "last_min") >= 1, "every new task was handled\n" + run);
        assertTrue(num(f, "last_max") - num(f, "last_min") <= 1, "evenly, slice by slice\n" + run);
        assertEquals(0, num(f, "uneven_loads"), run::toString);
        assertEquals(0, num(f, "foreign"), run::toString);
        assertEquals(0, num(f, "stale_after_reload"), "no old task after the reload\n" + run);
    }

    /**
     * The local addresses of the TCP sockets in LISTEN state that process {@code pid} holds: its
     * socket inodes ({@code /proc/<pid>/fd}) looked up in {@code /proc/<pid>/net/tcp} and {@code tcp6}.
     */
    static List<InetSocketAddress> listening(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "fd"))) {
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
        List<InetSocketAddress> listening = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "net", table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    listening.add(new InetSocketAddress(address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return listening;
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
