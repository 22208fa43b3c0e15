package io.ptimer.agent.rtimer;

import io.ptimer.agent.binding.RouteShape;
import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.Entry;
import io.ptimer.agent.config.ModuleConfig;
import io.ptimer.agent.config.Names;
import io.ptimer.agent.config.RouteEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The rtimer module's entries: {@code default_interval}, {@code timer}
 * ({@code name=N;mode=M;interval=I}) and {@code exec} ({@code timer=N;route=ROUTE}, one or more
 * per timer). Entries apply in order: a default before the timers that use it, a timer before its
 * exec routes.
 */
public final class RtimerConfig implements ModuleConfig {
    /** The most threads one timer may have. */
    public static final int MAX_MODE = 1024;

    private long defaultInterval = TimeUnit.SECONDS.toNanos(120);
    private boolean defaultMicro;
    private final Map<String, RtimerSpec> timers = new LinkedHashMap<>();

    @Override
    public void apply(Entry e) throws ConfigException {
        switch (e.key()) {
            case "default_interval" -> {
                if (e.value().trim().equals("0")) {
                    throw e.error("default_interval must be > 0");
                }
                defaultInterval = e.interval(e.value());
                defaultMicro = Names.isMicros(e.value());
            }
            case "timer" -> addTimer(e);
            case "exec" -> addExec(e);
            default -> throw e.error("unknown rtimer key \"" + e.key() + "\" (known: default_interval, timer, exec)");
        }
    }

    @Override
    public void finish() throws ConfigException {
        for (RtimerSpec t : timers.values()) {
            if (t.execs().isEmpty()) {
                throw ConfigException.entry("rtimer.timer", t.entry(), "rtimer \"" + t.name()
                        + "\" has no exec route (add rtimer.exec=timer=" + t.name() + ";route=...)");
            }
        }
    }

    /** The timers in the order they were defined. */
    public List<RtimerSpec> timers() {
        return new ArrayList<>(timers.values());
    }

    private void addTimer(Entry e) throws ConfigException {
        String name = null;
        int mode = 0;
        long interval = defaultInterval;
        boolean micro = defaultMicro;
        for (Map.Entry<String, String> attr : e.attributes().entrySet()) {
            String v = attr.getValue();
            switch (attr.getKey()) {
                case "name" -> name = v;
                case "mode" -> mode = e.intIn(v, "mode", 0, MAX_MODE);
                case "interval" -> {
                    if (!v.trim().equals("0")) {
                        interval = e.interval(v);
                        micro = Names.isMicros(v);
                    }
                }
                default -> throw e.error("unknown attribute \"" + attr.getKey() + "\" (known: name, mode, interval)");
            }
        }
        Names.require(name, e);
        if (timers.containsKey(name)) {
            throw e.error("rtimer \"" + name + "\" is defined twice");
        }
        timers.put(name, new RtimerSpec(name, mode, interval, micro, List.of(), e.value()));
    }

    private void addExec(Entry e) throws ConfigException {
        RouteEntry entry = RouteEntry.of(e);
        String timerName = entry.timer();
        RtimerSpec timer = timers.get(timerName);
        if (timer == null) {
            throw RouteEntry.unknown(e, "rtimer", timerName, timers.keySet());
        }
        timers.put(timerName, timer.with(RouteSpec.parse(entry.route(), RouteShape.RTIMER,
                "rtimer.exec \"" + e.value() + "\"", e)));
    }
}
