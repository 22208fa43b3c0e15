package io.ptimer.agent;

import io.ptimer.api.TimerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads agent arguments ({@code key=value,key=value}) and configuration files ({@code key = value}
 * or {@code modparam("ptimer", "key", "value")} lines). Entries apply in order, so defaults must
 * come before the timers that use them and a timer before its routes.
 */
final class ConfigParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern MODPARAM = Pattern.compile(
            "modparam\\s*\\(\\s*\"([^\"]*)\"\\s*,\\s*\"([^\"]*)\"\\s*,\\s*(?:\"([^\"]*)\"|([^\\s\"()]+))\\s*\\)\\s*;?\\s*(?:#.*)?");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)");
    static final int MAX_WORKERS = 1024;

    private TimerType defaultType = TimerType.BASIC;
    private long defaultInterval = TimeUnit.SECONDS.toNanos(1);
    private int defaultNworkers = 1;
    private long shutdownTimeout = TimeUnit.SECONDS.toNanos(5);
    private boolean lateBinding = true;
    private final Map<String, TimerSpec> timers = new LinkedHashMap<>();

    /** Parses agent arguments, reading any {@code config=PATH} file in place. */
    static Config parse(String agentArgs) throws ConfigException {
        ConfigParser parser = new ConfigParser();
        parser.applyArguments(agentArgs);
        return parser.finish();
    }

    void applyArguments(String agentArgs) throws ConfigException {
        if (agentArgs == null || agentArgs.isBlank()) {
            return;
        }
        for (String entry : agentArgs.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new ConfigException("entry \"" + entry.trim() + "\": expected key=value");
            }
            String key = entry.substring(0, eq).trim();
            String value = entry.substring(eq + 1).trim();
            if (key.equals("config")) {
                applyFile(value);
            } else {
                apply(key, value);
            }
        }
    }

    void applyFile(String pathText) throws ConfigException {
        Path path = Path.of(pathText);
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ConfigException.entry("config", pathText, "cannot read the file (" + describe(e) + ")");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                applyLine(line);
            } catch (ConfigException e) {
                throw e.at(pathText + ":" + (i + 1));
            }
        }
    }

    private void applyLine(String line) throws ConfigException {
        if (line.startsWith("modparam")) {
            Matcher m = MODPARAM.matcher(line);
            if (!m.matches()) {
                throw new ConfigException("line \"" + line + "\": expected modparam(\"ptimer\", \"key\", \"value\")");
            }
            if (!m.group(1).equals("ptimer")) {
                throw new ConfigException("line \"" + line + "\": module \"" + m.group(1) + "\" is not ptimer");
            }
            apply(m.group(2), m.group(3) != null ? m.group(3) : m.group(4));
            return;
        }
        Matcher m = KEY_VALUE.matcher(line);
        if (!m.matches()) {
            throw new ConfigException("line \"" + line + "\": expected key = value or modparam(\"ptimer\", \"key\", \"value\")");
        }
        if (m.group(1).equals("config")) {
            throw ConfigException.entry("config", m.group(2), "a configuration file cannot include another");
        }
        apply(m.group(1), unquote(m.group(2).trim()));
    }

    /** Applies one entry. */
    void apply(String key, String value) throws ConfigException {
        switch (key) {
            case "default_type" -> defaultType = type(key, value);
            case "default_interval" -> defaultInterval = interval(key, value);
            case "default_nworkers" -> defaultNworkers = intIn(key, value, "default_nworkers", 1, MAX_WORKERS);
            case "shutdown_timeout" -> shutdownTimeout = interval(key, value);
            case "late_binding" -> lateBinding = intIn(key, value, "late_binding", 0, 1) == 1;
            case "timer" -> addTimer(value);
            case "start" -> addRoute(RouteKind.START, value);
            case "loop" -> addRoute(RouteKind.LOOP, value);
            case "end" -> addRoute(RouteKind.END, value);
            default -> throw ConfigException.entry(key, value, "unknown key \"" + key
                    + "\" (known: default_type, default_interval, default_nworkers, timer, start, loop, end, shutdown_timeout, late_binding, config)");
        }
    }

    /** Checks what only the whole configuration shows, and returns it. */
    Config finish() throws ConfigException {
        for (TimerSpec timer : timers.values()) {
            if (timer.loop() == null) {
                throw ConfigException.entry("timer", timer.entry(),
                        "timer \"" + timer.name() + "\" has no loop route (add loop=timer=" + timer.name() + ";route=...)");
            }
        }
        return new Config(new ArrayList<>(timers.values()), shutdownTimeout, lateBinding);
    }

    private void addTimer(String value) throws ConfigException {
        Map<String, String> attrs = attributes("timer", value);
        String name = null;
        TimerType type = defaultType;
        long interval = defaultInterval;
        int nworkers = defaultNworkers;
        int ntasks = 0;
        int nslices = 1;
        Precision precision = Precision.HYBRID;
        boolean autostart = true;
        for (Map.Entry<String, String> attr : attrs.entrySet()) {
            String v = attr.getValue();
            switch (attr.getKey()) {
                case "name" -> name = v;
                case "type" -> type = type("timer", value, v);
                case "interval" -> interval = interval("timer", value, v);
                case "nworkers" -> nworkers = intIn("timer", value, v, "nworkers", 1, MAX_WORKERS);
                case "ntasks" -> ntasks = intIn("timer", value, v, "ntasks", 0, Integer.MAX_VALUE);
                case "nslices" -> nslices = intIn("timer", value, v, "nslices", 1, Integer.MAX_VALUE);
                case "precision" -> {
                    try {
                        precision = Precision.parse(v);
                    } catch (IllegalArgumentException e) {
                        throw ConfigException.entry("timer", value, e.getMessage());
                    }
                }
                case "autostart" -> autostart = intIn("timer", value, v, "autostart", 0, 1) == 1;
                default -> throw ConfigException.entry("timer", value, "unknown attribute \"" + attr.getKey()
                        + "\" (known: name, type, interval, nworkers, ntasks, nslices, precision, autostart)");
            }
        }
        if (name == null || name.isEmpty()) {
            throw ConfigException.entry("timer", value, "name is required");
        }
        if (!NAME.matcher(name).matches()) {
            throw ConfigException.entry("timer", value, "name \"" + name + "\" may use only letters, digits, '_', '.' and '-'");
        }
        if (timers.containsKey(name)) {
            throw ConfigException.entry("timer", value, "timer \"" + name + "\" is defined twice");
        }
        timers.put(name, new TimerSpec(name, type, interval, nworkers, ntasks, nslices, precision, autostart,
                null, null, null, value));
    }

    private void addRoute(RouteKind kind, String value) throws ConfigException {
        String key = kind.key();
        Map<String, String> attrs = attributes(key, value);
        for (String attr : attrs.keySet()) {
            if (!attr.equals("timer") && !attr.equals("route")) {
                throw ConfigException.entry(key, value, "unknown attribute \"" + attr + "\" (known: timer, route)");
            }
        }
        String timerName = attrs.get("timer");
        String route = attrs.get("route");
        if (timerName == null || timerName.isEmpty()) {
            throw ConfigException.entry(key, value, "timer is required");
        }
        if (route == null || route.isEmpty()) {
            throw ConfigException.entry(key, value, "route is required");
        }
        TimerSpec timer = timers.get(timerName);
        if (timer == null) {
            throw ConfigException.entry(key, value, "unknown timer \"" + timerName + "\" ("
                    + (timers.isEmpty() ? "no timer is defined before this entry" : "defined before this entry: "
                    + String.join(", ", timers.keySet())) + ")");
        }
        RouteSpec existing = timer.route(kind);
        if (existing != null) {
            throw ConfigException.entry(key, value, "timer \"" + timerName + "\" has a " + key
                    + " route already (" + existing.display() + ")");
        }
        RouteSpec spec;
        try {
            spec = RouteSpec.parse(kind, route, key + " \"" + value + "\"");
        } catch (IllegalArgumentException e) {
            throw ConfigException.entry(key, value, e.getMessage());
        }
        timers.put(timerName, timer.with(spec));
    }

    private static Map<String, String> attributes(String key, String value) throws ConfigException {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String part : value.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw ConfigException.entry(key, value, "attribute \"" + part.trim() + "\" must be name=value");
            }
            String name = part.substring(0, eq).trim();
            if (attrs.put(name, part.substring(eq + 1).trim()) != null) {
                throw ConfigException.entry(key, value, "attribute \"" + name + "\" is given twice");
            }
        }
        return attrs;
    }

    private static TimerType type(String key, String value) throws ConfigException {
        return type(key, value, value);
    }

    private static TimerType type(String key, String value, String text) throws ConfigException {
        int code = intIn(key, value, text, "type", 0, 3);
        return TimerType.of(code);
    }

    private static long interval(String key, String value) throws ConfigException {
        return interval(key, value, value);
    }

    private static long interval(String key, String value, String text) throws ConfigException {
        try {
            return Interval.parseNanos(text);
        } catch (IllegalArgumentException e) {
            throw ConfigException.entry(key, value, e.getMessage());
        }
    }

    private static int intIn(String key, String value, String what, int min, int max) throws ConfigException {
        return intIn(key, value, value, what, min, max);
    }

    private static int intIn(String key, String value, String text, String what, int min, int max)
            throws ConfigException {
        String range = max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
        if (what.equals("type")) {
            range += " (0 basic, 1 sync, 2 slice, 3 synced slice)";
        }
        int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ConfigException.entry(key, value, what + " must be " + range + ", not \"" + text + "\"");
        }
        if (n < min || n > max) {
            throw ConfigException.entry(key, value, what + " must be " + range + ", not " + n);
        }
        return n;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }
}
