package io.ptimer.samples.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Destination sets, like Kamailio's {@code dispatcher}: calls are spread round-robin over the
 * active destinations of a set ({@code ds_select_dst}), and destinations are marked active or
 * inactive ({@code ds_mark_addr}). Every change of state is logged with its time. The sets are
 * read once, from the class-path resource {@code /routing/dispatcher.list} ({@code setid uri}
 * lines), before any route or caller can use them, as Kamailio loads its list at start-up.
 */
public final class Dispatcher {
    private static final Dispatcher INSTANCE = load("/routing/dispatcher.list");

    private final Map<Integer, List<Destination>> sets = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> cursors = new ConcurrentHashMap<>();
    private final List<StateChange> changes = new CopyOnWriteArrayList<>();

    /** A destination and whether calls may go to it. */
    public static final class Destination {
        private final String uri;
        private volatile boolean active = true;

        Destination(String uri) {
            this.uri = uri;
        }

        public String uri() {
            return uri;
        }

        public boolean active() {
            return active;
        }
    }

    /** A destination marked active or inactive at {@code nanos} ({@link System#nanoTime()}). */
    public record StateChange(long nanos, int set, String uri, boolean active) {
    }

    public static Dispatcher get() {
        return INSTANCE;
    }

    private static Dispatcher load(String resource) {
        Map<Integer, List<String>> lists = new LinkedHashMap<>();
        try (InputStream in = Dispatcher.class.getResourceAsStream(resource)) {
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.split("\\s+"))
                    .forEach(w -> lists.computeIfAbsent(Integer.parseInt(w[0]), k -> new ArrayList<>()).add(w[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Dispatcher d = new Dispatcher();
        lists.forEach(d::addSet);
        return d;
    }

    private void addSet(int set, List<String> uris) {
        List<Destination> list = new ArrayList<>();
        uris.forEach(u -> list.add(new Destination(u)));
        sets.put(set, List.copyOf(list));
        cursors.put(set, new AtomicInteger());
    }

    /** Whether the set exists ({@code ds_list_exists}). */
    public boolean exists(int set) {
        return sets.containsKey(set);
    }

    /** The URIs of all destinations of the set, active or not ({@code ds_select} with all of them). */
    public List<String> uris(int set) {
        return sets.getOrDefault(set, List.of()).stream().map(Destination::uri).toList();
    }

    /** Marks a destination; a change of state is logged, a mark that changes nothing is not. */
    public void mark(int set, String uri, boolean active) {
        for (Destination d : sets.getOrDefault(set, List.of())) {
            if (d.uri.equals(uri) && d.active != active) {
                d.active = active;
                changes.add(new StateChange(System.nanoTime(), set, uri, active));
            }
        }
    }

    /** The next active destination of the set, round-robin, or {@code null} if none is active. */
    public String next(int set) {
        List<Destination> list = sets.getOrDefault(set, List.of());
        AtomicInteger cursor = cursors.get(set);
        for (int i = 0; i < list.size(); i++) {
            Destination d = list.get(Math.floorMod(cursor.getAndIncrement(), list.size()));
            if (d.active) {
                return d.uri;
            }
        }
        return null;
    }

    public boolean active(int set, String uri) {
        return sets.getOrDefault(set, List.of()).stream().anyMatch(d -> d.uri.equals(uri) && d.active);
    }

    /** Every change of state so far, oldest first. */
    public List<StateChange> changes() {
        return List.copyOf(changes);
    }
}
