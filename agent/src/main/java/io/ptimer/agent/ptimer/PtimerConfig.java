package io.ptimer.agent.ptimer;

import io.ptimer.agent.binding.RouteShape;
import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.cluster.ClusterSpec;
import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.Entry;
import io.ptimer.agent.config.Interval;
import io.ptimer.agent.config.ModuleConfig;
import io.ptimer.agent.config.Names;
import io.ptimer.agent.config.RouteEntry;
import io.ptimer.agent.exec.Overrun;
import io.ptimer.agent.exec.Precision;
import io.ptimer.api.TimerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ptimer module's entries: {@code default_type}, {@code default_interval},
 * {@code default_nworkers}, {@code timer}, {@code start}, {@code loop}, {@code end} and
 * {@code cluster} (at most once); the engine takes the module's engine-wide keys
 * ({@code shutdown_timeout}, {@code late_binding}) before they come here. Entries apply in order,
 * so defaults come before the timers that use them and a timer before its routes.
 */
public final class PtimerConfig implements ModuleConfig {
    /** The most workers one timer may have. */
    public static final int MAX_WORKERS = 1024;
    /** With {@code thread=auto}, a configuration of at most this many workers gives each a thread of its own. */
    public static final int OWN_THREADS_UP_TO = 16;
    /** With {@code thread=auto}, the shortest interval whose workers go to the shared lanes, in ms. */
    public static final int SHARED_FROM_MILLIS = 10;

    private TimerType defaultType = TimerType.BASIC;
    private long defaultInterval = TimeUnit.SECONDS.toNanos(1);
    private int defaultNworkers = 1;
    private final Map<String, PtimerSpec> timers = new LinkedHashMap<>();
    /** The timers whose {@code thread} is {@code auto}, to be placed once every timer is known. */
    private final List<String> autoThreads = new ArrayList<>();
    private ClusterSpec cluster;

    @Override
    public void apply(Entry e) throws ConfigException {
        switch (e.key()) {
            case "default_type" -> defaultType = type(e, e.value());
            case "default_interval" -> defaultInterval = e.interval(e.value());
            case "default_nworkers" -> defaultNworkers = e.intIn("default_nworkers", 1, MAX_WORKERS);
            case "timer" -> addTimer(e);
            case "start" -> addRoute(Phase.START, e);
            case "loop" -> addRoute(Phase.LOOP, e);
            case "end" -> addRoute(Phase.END, e);
            case "cluster" -> {
                if (cluster != null) {
                    throw e.error("a cluster is defined already (\"" + cluster.entry() + "\"): one per JVM");
                }
                cluster = ClusterSpec.parse(e);
            }
            default -> throw e.error("unknown key \"" + e.key() + "\" (known: default_type, default_interval,"
                    + " default_nworkers, timer, start, loop, end, shutdown_timeout, late_binding, cluster, config)");
        }
    }

    @Override
    public void finish() throws ConfigException {
        placeAutoThreads();
        for (PtimerSpec timer : timers.values()) {
            if (timer.route(Phase.LOOP) == null) {
                throw ConfigException.entry("timer", timer.entry(),
                        "timer \"" + timer.name() + "\" has no loop route (add loop=timer=" + timer.name() + ";route=...)");
            }
            if (timer.cluster() != null && (cluster == null || !cluster.name().equals(timer.cluster()))) {
                throw ConfigException.entry("timer", timer.entry(), "cluster \"" + timer.cluster()
                        + "\" is not defined (" + (cluster == null ? "add cluster=name=" + timer.cluster()
                        + ";bind=HOST:PORT;members=HOST:PORT,..." : "the cluster is \"" + cluster.name() + "\"") + ")");
            }
            if (timer.cluster() != null && cluster.spendWindowNanos() >= timer.intervalNanos()) {
                throw ConfigException.entry("timer", timer.entry(), "the interval " + Interval.format(timer.intervalNanos())
                        + " must be longer than cluster \"" + cluster.name() + "\"'s spend_window "
                        + Interval.format(cluster.spendWindowNanos()) + ": a step's sends must end before the next step");
            }
        }
    }

    /**
     * Decides where the workers of the timers with {@code thread=auto} (the default) run: on the shared
     * lanes when the configuration has more than {@value #OWN_THREADS_UP_TO} workers in all and the
     * timer's interval is at least {@value #SHARED_FROM_MILLIS} ms (and its precision is not spin);
     * otherwise each on a thread of its own. A few precise timers keep their threads; many timers of
     * customers cost a schedule each rather than a thread.
     */
    private void placeAutoThreads() {
        long workers = 0;
        for (PtimerSpec timer : timers.values()) {
            workers += timer.nworkers();
        }
        if (workers <= OWN_THREADS_UP_TO) {
            return;
        }
        for (String name : autoThreads) {
            PtimerSpec timer = timers.get(name);
            if (timer.intervalNanos() >= SHARED_FROM_MILLIS * 1_000_000L && timer.precision() != Precision.SPIN) {
                timers.put(name, timer.onSharedLanes());
            }
        }
    }

    /** The timers in the order they were defined. */
    public List<PtimerSpec> timers() {
        return new ArrayList<>(timers.values());
    }

    /** The {@code cluster} entry, or {@code null} when there is none. */
    public ClusterSpec cluster() {
        return cluster;
    }

    private void addTimer(Entry e) throws ConfigException {
        String name = null;
        TimerType type = defaultType;
        long interval = defaultInterval;
        int nworkers = defaultNworkers;
        int ntasks = 0;
        int nslices = 1;
        Precision precision = Precision.HYBRID;
        boolean autostart = true;
        Overrun overrun = Overrun.REANCHOR;
        boolean factoryRequired = false;
        long jfrLate = 0;
        String clusterName = null;
        boolean sharedThread = false;
        boolean autoThread = true;
        for (Map.Entry<String, String> attr : e.attributes().entrySet()) {
            String v = attr.getValue();
            switch (attr.getKey()) {
                case "name" -> name = v;
                case "type" -> type = type(e, v);
                case "interval" -> interval = e.interval(v);
                case "nworkers" -> nworkers = e.intIn(v, "nworkers", 1, MAX_WORKERS);
                case "ntasks" -> ntasks = e.intIn(v, "ntasks", 0, Integer.MAX_VALUE);
                case "nslices" -> nslices = e.intIn(v, "nslices", 1, Integer.MAX_VALUE);
                case "precision" -> precision = Precision.parse(v, e);
                case "autostart" -> autostart = e.intIn(v, "autostart", 0, 1) == 1;
                case "overrun" -> overrun = Overrun.parse(v, e);
                case "factory" -> factoryRequired = switch (v) {
                    case "required" -> true;
                    case "optional" -> false;
                    default -> throw e.error("factory must be required or optional, not \"" + v + "\"");
                };
                case "jfr_late" -> jfrLate = e.interval(v);
                case "thread" -> {
                    autoThread = v.equals("auto");
                    sharedThread = switch (v) {
                        case "shared" -> true;
                        case "own", "auto" -> false;
                        default -> throw e.error("thread must be auto, own or shared, not \"" + v + "\"");
                    };
                }
                case "cluster" -> clusterName = v;
                default -> throw e.error("unknown attribute \"" + attr.getKey()
                        + "\" (known: name, type, interval, nworkers, ntasks, nslices, precision, autostart,"
                        + " overrun, factory, jfr_late, cluster, thread)");
            }
        }
        Names.require(name, e);
        if (timers.containsKey(name)) {
            throw e.error("timer \"" + name + "\" is defined twice");
        }
        if (clusterName != null && !type.sliced()) {
            throw e.error("cluster=" + clusterName + " shares a budget of tasks, so it needs a slice type (type=2 or 3),"
                    + " not type " + type.code());
        }
        timers.put(name, new PtimerSpec(name, type, interval, nworkers, ntasks, nslices, precision, autostart,
                overrun, factoryRequired, jfrLate, clusterName, sharedThread, Map.of(), e.value()));
        if (autoThread) {
            autoThreads.add(name);
        }
    }

    private void addRoute(Phase phase, Entry e) throws ConfigException {
        RouteEntry entry = RouteEntry.of(e);
        String timerName = entry.timer();
        PtimerSpec timer = timers.get(timerName);
        if (timer == null) {
            throw RouteEntry.unknown(e, "timer", timerName, timers.keySet());
        }
        RouteSpec existing = timer.route(phase);
        if (existing != null) {
            throw e.error("timer \"" + timerName + "\" has a " + phase.key() + " route already ("
                    + existing.display() + ")");
        }
        timers.put(timerName, timer.with(phase, RouteSpec.parse(entry.route(), RouteShape.PTIMER,
                phase.key() + " \"" + e.value() + "\"", e)));
    }

    private static TimerType type(Entry e, String text) throws ConfigException {
        String range = "an integer from 0 to 3 (0 basic, 1 sync, 2 slice, 3 synced slice)";
        int code;
        try {
            code = Integer.parseInt(text.trim());
        } catch (NumberFormatException x) {
            throw e.error("type must be " + range + ", not \"" + text + "\"");
        }
        if (code < 0 || code > 3) {
            throw e.error("type must be " + range + ", not " + code);
        }
        return TimerType.of(code);
    }
}
