package io.ptimer.samples;

import static io.ptimer.samples.SampleRun.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.hosts.Sockets;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
            List<InetSocketAddress> listening = Sockets.listening(run.pid());
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
}
