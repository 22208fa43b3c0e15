package io.ptimer.samples.hotreload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The sample's own data API on 127.0.0.1 (a free port): {@code GET /data} returns the current
 * {@link DataSet} as JSON, {@code PUT /data} replaces it with a valid one (400 otherwise). Requests
 * are handled on one daemon thread; {@link #stop()} closes the port.
 */
final class TaskApi {
    private static volatile TaskApi current;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile byte[] body;

    private TaskApi(DataSet initial) throws IOException {
        body = json.writeValueAsBytes(initial);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "task-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/data", this::handle);
    }

    /** Serves {@code initial} until {@link #stop()}, and makes this the API the routes read. */
    static TaskApi start(DataSet initial) throws IOException {
        TaskApi api = new TaskApi(initial);
        api.server.start();
        current = api;
        return api;
    }

    /** The running API. */
    static TaskApi current() {
        TaskApi api = current;
        if (api == null) {
            throw new IllegalStateException("the task API is not running yet");
        }
        return api;
    }

    URI dataUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data");
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "GET" -> reply(exchange, 200, body);
                case "PUT" -> {
                    byte[] in = exchange.getRequestBody().readAllBytes();
                    try {
                        DataSet data = json.readValue(in, DataSet.class);
                        if (data.data() == null || data.len() != data.data().size()) {
                            throw new IllegalArgumentException("len must be the number of items in data");
                        }
                        body = json.writeValueAsBytes(data);
                        reply(exchange, 204, null);
                    } catch (IOException | IllegalArgumentException e) {
                        reply(exchange, 400, ("bad data: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
                default -> reply(exchange, 405, null);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        if (bytes != null) {
            exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "text/plain");
        }
        exchange.sendResponseHeaders(status, bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
