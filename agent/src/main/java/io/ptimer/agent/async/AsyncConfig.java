package io.ptimer.agent.async;

import io.ptimer.agent.binding.RouteShape;
import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.ConfigReader;
import io.ptimer.agent.config.Entry;
import io.ptimer.agent.config.ModuleConfig;
import io.ptimer.agent.config.Names;
import io.ptimer.agent.exec.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The async module's entries ({@code workers}, {@code ms_timer}, {@code return}, {@code mode}, and
 * this project's {@code precision}) and
 * Kamailio's core parameters of the task framework ({@code async_workers},
 * {@code async_workers_group}, {@code async_tkv_gname}, {@code async_tkv_evcb}). One instance takes
 * the entries of both modules.
 */
public final class AsyncConfig implements ModuleConfig {
    /** The async module's name in {@code modparam} and as a key prefix. */
    public static final String MODULE = "async";
    /** The most threads one group, or the async timers, may have. */
    static final int MAX_WORKERS = 1024;

    private boolean configured;
    private int timers;
    private Precision precision;
    private final Map<String, GroupSpec> groups = new LinkedHashMap<>();
    private String tkvGroup;
    private Entry tkvGroupEntry;
    private RouteSpec tkvRoute;
    private final List<String> notes = new ArrayList<>();

    @Override
    public void apply(Entry e) throws ConfigException {
        configured = true;
        if (e.module().equals(ConfigReader.CORE)) {
            core(e);
            return;
        }
        switch (e.key()) {
            case "workers" -> timers = e.intIn("workers", 1, MAX_WORKERS);
            case "ms_timer" -> e.intIn("ms_timer", 0, Integer.MAX_VALUE);
            case "precision" -> precision = Precision.parse(e.value(), e);
            case "return", "mode" -> {
                if (e.key().equals("mode")) {
                    e.intIn("mode", 0, 1);
                } else {
                    e.intIn("return", Integer.MIN_VALUE, Integer.MAX_VALUE);
                }
                notes.add("ptimer: async." + e.key() + " has no meaning on the JVM; ignored");
            }
            default -> throw e.error("unknown key \"" + e.key() + "\" (known: workers, ms_timer, precision, return, mode)");
        }
    }

    private void core(Entry e) throws ConfigException {
        switch (e.key()) {
            case "async_workers" -> add(e, GroupSpec.byDefault(e.intIn("async_workers", 1, MAX_WORKERS)));
            case "async_workers_group" -> add(e, group(e));
            case "async_tkv_gname" -> {
                if (!Names.isName(e.value())) {
                    throw e.error("group name may use only " + Names.CHARACTERS);
                }
                tkvGroup = e.value();
                tkvGroupEntry = e;
            }
            case "async_tkv_evcb" -> tkvRoute = RouteSpec.parse(e.value().trim(), RouteShape.TKV,
                    "async_tkv_evcb \"" + e.value() + "\"", e);
            default -> throw e.error("unknown core parameter \"" + e.key()
                    + "\" (known: async_workers, async_workers_group, async_tkv_gname, async_tkv_evcb)");
        }
    }

    private void add(Entry e, GroupSpec group) throws ConfigException {
        if (groups.containsKey(group.name())) {
            throw e.error("async group \"" + group.name() + "\" is defined twice");
        }
        groups.put(group.name(), group);
    }

    private static GroupSpec group(Entry e) throws ConfigException {
        String name = null;
        int workers = 1;
        boolean nonblock = false;
        int usleep = 0;
        int queue = GroupSpec.DEFAULT_QUEUE;
        for (Map.Entry<String, String> attr : e.attributes().entrySet()) {
            String v = attr.getValue();
            switch (attr.getKey()) {
                case "name" -> name = v;
                case "workers" -> workers = e.intIn(v, "workers", 1, MAX_WORKERS);
                case "nonblock" -> nonblock = e.intIn(v, "nonblock", 0, 1) == 1;
                case "usleep" -> usleep = e.intIn(v, "usleep", 0, Integer.MAX_VALUE);
                case "queue" -> queue = e.intIn(v, "queue", 1, 10_000_000);
                default -> throw e.error("unknown attribute \"" + attr.getKey()
                        + "\" (known: name, workers, nonblock, usleep, queue)");
            }
        }
        Names.require(name, e);
        return new GroupSpec(name, workers, nonblock, usleep, queue, e.value());
    }

    @Override
    public void finish() throws ConfigException {
        if (tkvGroup != null && !groups.containsKey(tkvGroup)) {
            throw tkvGroupEntry.error("no async group \"" + tkvGroup + "\" (groups: "
                    + (groups.isEmpty() ? "none" : String.join(", ", groups.keySet())) + ")");
        }
    }

    /** Whether any entry was for async. */
    public boolean configured() {
        return configured;
    }

    /** What the entries say, once {@link #finish} passed. */
    public AsyncSpec spec() {
        return new AsyncSpec(configured, timers, precision, new ArrayList<>(groups.values()), tkvGroup, tkvRoute, notes);
    }
}
