package io.ptimer.cluster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's monitoring configurations on a JVM of a cluster: the Prometheus JMX exporter
 * with its rules beside the agent, scraped over HTTP as Prometheus would, says whether the JVM
 * sends, its role, its clock and what it was granted and spent; and the OpenTelemetry Java agent
 * with its JMX metrics configuration reports the same counters.
 */
class ClusterMonitoringIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^(ptimer_cluster_\\w+)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    private Proxy proxy;

    @TempDir
    Path dir;

    @AfterEach
    void kill() throws InterruptedException {
        if (proxy != null) {
            proxy.kill();
        }
    }

    @Test
    void theExportersRulesShowTheClusterAsItsMbeanDoes() throws Exception {
        int port = freePort();
        String bind = "127.0.0.1:" + freePort();
        proxy = Proxy.start(dir, bind, List.of(bind), List.of("-javaagent:" + System.getProperty("ptimer.exporter.jar")
                + "=127.0.0.1:" + port + ":" + monitoring("ptimer-jmx-exporter.yaml")), Map.of());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, Double> metrics = Map.of();
        while (metrics.getOrDefault("ptimer_cluster_tasks_spent_total", 0.0) < 100) {
            assertTrue(System.nanoTime() < deadline, "no tasks spent within 60 s: " + metrics + "\n" + proxy.stderr());
            Thread.sleep(500);
            metrics = scrape(port);
        }
        assertEquals(1.0, metrics.get("ptimer_cluster_sending"), metrics.toString());
        assertEquals(1.0, metrics.get("ptimer_cluster_role{role=\"leader\"}"), metrics.toString());
        assertEquals(0.005, metrics.get("ptimer_cluster_clock_bound_seconds"), 1e-9, metrics.toString());
        assertEquals(0.015, metrics.get("ptimer_cluster_spend_window_seconds"), 1e-9, metrics.toString());
        assertEquals(0.0, metrics.get("ptimer_cluster_clock_offset_seconds"), 0.005, metrics.toString());
        assertTrue(metrics.get("ptimer_cluster_tasks_granted_total") >= metrics.get("ptimer_cluster_tasks_spent_total"),
                metrics.toString());
        for (String name : List.of("ptimer_cluster_clock_error_seconds", "ptimer_cluster_tasks_answered_late_total",
                "ptimer_cluster_loops_granted_nothing_total")) {
            assertTrue(metrics.containsKey(name), name + " exported: " + metrics);
        }
    }

    @Test
    void theOpenTelemetryAgentReportsTheClustersMetrics() throws Exception {
        String bind = "127.0.0.1:" + freePort();
        proxy = Proxy.start(dir, bind, List.of(bind), List.of("-Xmx256m", "-javaagent:" + System.getProperty("ptimer.otel.jar"),
                "-Dotel.jmx.config=" + monitoring("ptimer-otel-jmx.yaml"), "-Dotel.metrics.exporter=logging",
                "-Dotel.traces.exporter=none", "-Dotel.logs.exporter=none", "-Dotel.metric.export.interval=1000"), Map.of());
        Pattern spent = Pattern.compile("name=ptimer\\.cluster\\.tasks\\.spent, .*?attributes=\\{ptimer\\.cluster=\"carrier\"}, value=(\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        long last = 0;
        String log = "";
        while (last < 100) {
            assertTrue(System.nanoTime() < deadline, "ptimer.cluster.tasks.spent did not reach 100 within 90 s: " + last
                    + "\n" + log);
            Thread.sleep(1000);
            log = proxy.stderr();
            Matcher m = spent.matcher(log);
            while (m.find()) {
                last = Long.parseLong(m.group(1));
            }
        }
        for (String metric : List.of("ptimer.cluster.clock.offset", "ptimer.cluster.clock.error",
                "ptimer.cluster.tasks.granted", "ptimer.cluster.tasks.answered_late", "ptimer.cluster.loops.granted_nothing")) {
            assertTrue(log.contains("name=" + metric + ","), metric + " reported\n" + log);
        }
    }

    /** The exporter's {@code ptimer_cluster_*} samples of cluster {@code carrier}, by name and the labels but that one. */
    private static Map<String, Double> scrape(int port) throws Exception {
        String body;
        try {
            body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (ConnectException notYet) {
            return Map.of();
        }
        Map<String, Double> samples = new HashMap<>();
        Matcher m = SAMPLE.matcher(body);
        while (m.find()) {
            String labels = m.group(2).replace("cluster=\"carrier\"", "").replaceAll("^,|,$", "").replace(",,", ",");
            samples.put(m.group(1) + (labels.isEmpty() ? "" : "{" + labels + "}"), Double.parseDouble(m.group(3)));
        }
        return samples;
    }

    private static Path monitoring(String file) {
        return Path.of(System.getProperty("ptimer.monitoring.dir"), file).toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
