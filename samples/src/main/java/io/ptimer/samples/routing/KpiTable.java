package io.ptimer.samples.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A named table of figures shared by the application and its routes, like Kamailio's
 * {@code htable}: {@code dst_kpi} holds each destination's MOS, CCR and NER under
 * {@code setid-uri-metric}, {@code min_kpi} the minimums promised to the customer. Like an htable
 * loaded from its database at start-up, a table begins with the lines {@code key value} of the
 * class-path resource {@code /routing/<name>.txt}, if there is one.
 */
public final class KpiTable {
    private static final ConcurrentMap<String, KpiTable> TABLES = new ConcurrentHashMap<>();

    private final Map<String, Double> values = new ConcurrentHashMap<>();

    private KpiTable() {
    }

    /** The table with that name, loaded on first use. */
    public static KpiTable named(String name) {
        return TABLES.computeIfAbsent(name, KpiTable::load);
    }

    private static KpiTable load(String name) {
        KpiTable table = new KpiTable();
        try (InputStream in = KpiTable.class.getResourceAsStream("/routing/" + name + ".txt")) {
            if (in != null) {
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .map(l -> l.split("\\s+")).forEach(kv -> table.put(kv[0], Double.parseDouble(kv[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    /** The figure under {@code key}, or {@code fallback} if there is none. */
    public double get(String key, double fallback) {
        return values.getOrDefault(key, fallback);
    }

    public void put(String key, double value) {
        values.put(key, value);
    }

    /** The key of a destination's metric: {@code setid-uri-metric}. */
    public static String key(int set, String uri, String metric) {
        return set + "-" + uri + "-" + metric;
    }
}
