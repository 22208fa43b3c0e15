package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The agent's packages depend on each other without a cycle, as {@code jdeps} reads the compiled
 * classes: each layer (config, exec, binding, the timer systems, jmx, runtime, cli, boot) may be read
 * and tested on its own.
 */
class PackageCyclesTest {
    private static final String AGENT = "io.ptimer.agent";

    @Test
    void agentPackagesFormNoCycle() {
        Map<String, Set<String>> graph = packageGraph(Path.of("target", "classes"));
        assertTrue(graph.size() >= 10, "jdeps saw the agent's packages: " + graph.keySet());
        assertEquals(List.of(), cycles(graph), "package cycles, each as a set of packages that reach each other; "
                + "the graph: " + graph);
    }

    /** Package to the agent packages it uses, from {@code jdeps -verbose:package}. */
    static Map<String, Set<String>> packageGraph(Path classes) {
        assertTrue(Files.isDirectory(classes), classes + " is not built");
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none", "-e",
                AGENT.replace(".", "\\.") + "\\..*", classes.toString());
        assertEquals(0, exit, "jdeps failed: " + err);
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().lines().toList()) {
            String[] w = line.trim().split("\\s+");
            if (w.length >= 3 && w[1].equals("->") && w[0].startsWith(AGENT + ".") && w[2].startsWith(AGENT + ".")) {
                graph.computeIfAbsent(w[0], k -> new TreeSet<>());
                if (!w[0].equals(w[2])) {
                    graph.get(w[0]).add(w[2]);
                }
            }
        }
        return graph;
    }

    /** The strongly connected sets of more than one package (Tarjan's algorithm). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> found = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, List<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
