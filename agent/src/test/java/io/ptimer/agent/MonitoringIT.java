package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.ControlProcess;
import io.ptimer.agent.support.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's monitoring configurations, for real: the Prometheus JMX exporter rules and alerting
 * rules in a host with both agents, Debian's Prometheus server scraping it every second, and PromQL's
 * {@code histogram_quantile} over the lateness buckets answering close to the agent's own p99 for the
 * same 50 seconds; the OpenTelemetry JMX metrics configuration in a host with the OpenTelemetry Java agent,
 * its metrics printed by the logging exporter. Skipped where {@code prometheus} is not installed, except
 * with {@code CI=true}, where CI installs it.
 */
class MonitoringIT {
    private static final String H = "io.ptimer.agent.hosts.";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The histogram's bucket bounds in seconds, as the agent's le labels. */
    private static final double[] BOUNDS = {0.000001, 0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005,
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1};

    @BeforeAll
    static void prometheusIsInstalled() {
        Tools.requireOnPath("prometheus", "Debian: apt-get install prometheus", "the monitoring test");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path monitoring(String file) {
        return Path.of(System.getProperty("ptimer.monitoring.dir", "../monitoring"), file).toAbsolutePath();
    }

    /**
     * The value of an instant PromQL query with one result, or NaN when it has none yet or the server
     * is not up yet: not listening, or listening but answering 503 until its storage is ready.
     */
    private static double query(int port, String promql) throws Exception {
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                    + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException notYet) {
            return Double.NaN;
        }
        if (response.statusCode() == 503) {
            return Double.NaN;
        }
        String body = response.body();
        assertTrue(body.contains("\"status\":\"success\""), promql + ": " + body);
        Matcher m = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** The index of the bucket a lateness in seconds falls in. */
    private static int bucket(double seconds) {
        int i = 0;
        while (i < BOUNDS.length && seconds > BOUNDS[i] * (1 + 1e-9)) {
            i++;
        }
        return i;
    }

    @Test
    void prometheusScrapesTheRulesAndItsQuantileMatchesTheAgentsP99(@TempDir Path dir) throws Exception {
        Process promtool = new ProcessBuilder("promtool", "check", "rules", monitoring("ptimer-alerts.yml").toString())
                .redirectErrorStream(true).start();
        String checked = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, promtool.waitFor(), checked);

        int exporter = freePort();
        int server = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files:\n  - "
                + monitoring("ptimer-alerts.yml") + "\nscrape_configs:\n  - job_name: ptimer\n    static_configs:\n"
                + "      - targets: ['127.0.0.1:" + exporter + "']\n");
        ChildJvm jvm = new ChildJvm().first("-javaagent:" + System.getProperty("ptimer.exporter.jar") + "=127.0.0.1:"
                + exporter + ":" + monitoring("ptimer-jmx-exporter.yaml"))
                .agent("timer=name=paced;type=1;interval=50ms,loop=timer=paced;route=" + H + "Counter::loop")
                .jvm("-Dhost.millis=120000");
        Process prometheus = null;
        try (ControlProcess host = ControlProcess.start(jvm)) {
            host.await(0, "HEARTBEAT", Duration.ofSeconds(20));
            prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + server)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            // The agent's own p99 is over its last 1,024 loops, 51 s at 50 ms: the histogram is read over the same 50 s.
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!(query(server, "ptimer_loops_total{timer=\"paced\"}") >= 1100)) {
                assertTrue(System.nanoTime() < deadline && prometheus.isAlive(), "not 55 s of loops scraped: "
                        + Files.readString(dir.resolve("prometheus.log")));
                Thread.sleep(1000);
            }
            double promql = query(server, "histogram_quantile(0.99, sum by (le) "
                    + "(rate(ptimer_loop_lateness_seconds{timer=\"paced\"}[50s])))");
            double agent = query(server, "ptimer_recent_loop_lateness_p99_seconds{timer=\"paced\"}");
            assertTrue(!Double.isNaN(promql) && !Double.isNaN(agent), promql + " / " + agent);
            assertTrue(Math.abs(bucket(promql) - bucket(agent)) <= 1, "the histogram's p99 over the last 50 s ("
                    + promql + " s) and the agent's own over its last 1,024 loops (" + agent
                    + " s) fall in the same or neighbouring buckets");

            double loops = query(server, "sum(ptimer_worker_loop_lateness_seconds_count{timer=\"paced\"})");
            double total = query(server, "ptimer_loops_total{timer=\"paced\"}");
            assertTrue(loops >= 1100 && Math.abs(loops - total) < 0.02 * total, "the worker adds up: " + loops + " / "
                    + total);
            String rules = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server + "/api/v1/rules"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            List<String> alerts = List.of("PtimerLateLoops", "PtimerLatenessP99High", "PtimerRouteErrors",
                    "PtimerWorkerStuck", "PtimerWorkersPaused", "PtimerClusterNotSending");
            for (String alert : alerts) {
                assertTrue(rules.contains("\"name\":\"" + alert + "\""), alert + " loaded: " + rules);
            }
            assertEquals(alerts.size(), count(rules, "\"health\":\"ok\""), "every alert evaluates: " + rules);
        } finally {
            if (prometheus != null) {
                prometheus.destroy();
                prometheus.waitFor();
            }
        }
    }

    @Test
    void theOpenTelemetryAgentReportsTheTimersMetrics(@TempDir Path dir) throws Exception {
        ChildJvm jvm = new ChildJvm().first("-javaagent:" + System.getProperty("ptimer.otel.jar"),
                "-Dotel.jmx.config=" + monitoring("ptimer-otel-jmx.yaml"), "-Dotel.metrics.exporter=logging",
                "-Dotel.traces.exporter=none", "-Dotel.logs.exporter=none", "-Dotel.metric.export.interval=1000")
                .agent("timer=name=paced;type=1;interval=5ms,loop=timer=paced;route=" + H + "Counter::loop"
                        + ",rtimer.timer=name=rt;mode=1;interval=50ms,rtimer.exec=timer=rt;route=" + H + "Rtimers::second")
                .jvm("-Dhost.millis=6000");
        ChildJvm.Result r = jvm.run(Duration.ofSeconds(90), H + "ControlHost");
        assertEquals(0, r.exit(), r::toString);
        String log = r.stdout() + r.stderr();
        Matcher loops = Pattern.compile("name=ptimer\\.loops, .*?attributes=\\{ptimer\\.timer=\"paced\"}, value=(\\d+)")
                .matcher(log);
        long last = 0;
        while (loops.find()) {
            last = Long.parseLong(loops.group(1));
        }
        assertTrue(last > 200, "ptimer.loops counted the loops: " + last + "\n" + log);
        for (String metric : List.of("ptimer.late_loops", "ptimer.route.errors", "ptimer.loop.lateness.sum",
                "ptimer.loop.lateness.recent_p99", "ptimer.interval", "ptimer.rtimer.runs")) {
            assertTrue(log.contains("name=" + metric + ","), metric + " reported\n" + log);
        }
    }
}
