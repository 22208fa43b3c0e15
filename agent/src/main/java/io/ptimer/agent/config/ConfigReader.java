package io.ptimer.agent.config;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Reads agent arguments ({@code key=value,key=value}) and the configuration files they name
 * ({@code config=PATH}): {@code key = value} lines, Kamailio's
 * {@code modparam("module", "key", "value")} lines and its core-parameter lines
 * ({@code async_workers=4}). Hands each entry on, in order, as soon as it is read.
 *
 * <p>A key may carry its module as a prefix ({@code rtimer.timer=...}); a bare key is ptimer's,
 * except Kamailio's core parameters, which belong to the module {@value #CORE}. Which modules and
 * core parameters there are, the caller says.
 */
public final class ConfigReader {
    /** The module of Kamailio's core parameters. */
    public static final String CORE = "core";
    /** The module of a key without prefix. */
    public static final String DEFAULT_MODULE = "ptimer";

    /** The system property naming the configuration file of {@code -javaagent} without arguments. */
    static final String CONFIG_PROPERTY = "ptimer.config";
    /** The environment variable naming it when the property is not set. */
    static final String CONFIG_VARIABLE = "PTIMER_CONFIG";

    /** Takes the entries one by one. */
    @FunctionalInterface
    public interface Sink {
        void accept(Entry entry) throws ConfigException;
    }

    private final List<String> modules;
    private final Set<String> coreParameters;
    private final Sink sink;

    private ConfigReader(List<String> modules, Set<String> coreParameters, Sink sink) {
        this.modules = modules;
        this.coreParameters = coreParameters;
        this.sink = sink;
    }

    /**
     * Reads agent arguments, and any {@code config=PATH} file in place, into {@code sink}.
     *
     * @param modules        the modules that take entries, for the error on any other
     * @param coreParameters the bare keys that are Kamailio's core parameters, entries of the module {@value #CORE}
     * @throws ConfigException for the first entry that is malformed or that the sink refuses
     */
    public static void read(String agentArgs, List<String> modules, Set<String> coreParameters, Sink sink)
            throws ConfigException {
        new ConfigReader(modules, coreParameters, sink).arguments(agentArgs);
    }

    /**
     * Reads the file that the system property {@value #CONFIG_PROPERTY} names, or else the
     * environment variable {@value #CONFIG_VARIABLE}: the configuration of {@code -javaagent} without
     * arguments, as containers set it. Reads nothing when neither is set.
     *
     * @throws ConfigException as {@link #read}, naming the property or variable when the file cannot be read
     */
    public static void readDefault(List<String> modules, Set<String> coreParameters, Sink sink)
            throws ConfigException {
        String path = System.getProperty(CONFIG_PROPERTY);
        String origin = CONFIG_PROPERTY;
        if (path == null || path.isBlank()) {
            path = System.getenv(CONFIG_VARIABLE);
            origin = CONFIG_VARIABLE;
        }
        if (path != null && !path.isBlank()) {
            new ConfigReader(modules, coreParameters, sink).file(path.strip(), origin);
        }
    }

    private void arguments(String agentArgs) throws ConfigException {
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
                file(value, "config");
            } else {
                keyValue(key, value, null);
            }
        }
    }

    /** @param origin what named the file, for the error when it cannot be read: {@code config} or a property */
    private void file(String pathText, String origin) throws ConfigException {
        String[] lines = lines(pathText, origin);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String location = pathText + ":" + (i + 1);
            try {
                line(line, location);
            } catch (ConfigException e) {
                throw e.getMessage().startsWith(location) ? e : e.at(location);
            }
        }
    }

    /** The file's lines, read with java.io: java.nio's file channels cost milliseconds before main. */
    private static String[] lines(String pathText, String origin) throws ConfigException {
        File file = new File(pathText);
        if (!file.isFile()) {
            throw ConfigException.entry(origin, pathText, "cannot read the file ("
                    + (file.exists() ? "not a regular file" : "no such file") + ")");
        }
        try (InputStream in = new FileInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IOException | RuntimeException e) {
            throw ConfigException.entry(origin, pathText, "cannot read the file (" + describe(e) + ")");
        }
    }

    private void line(String line, String location) throws ConfigException {
        String example = "modparam(\"" + DEFAULT_MODULE + "\", \"key\", \"value\")";
        if (line.startsWith("modparam")) {
            LineSyntax.Modparam m = LineSyntax.modparam(line);
            if (m == null) {
                throw new ConfigException("line \"" + line + "\": expected " + example);
            }
            String module = m.module();
            if (!modules.contains(module) || module.equals(CORE)) {
                throw new ConfigException("line \"" + line + "\": module \"" + module + "\" is not "
                        + oneOf(modules));
            }
            sink.accept(new Entry(module, m.key(), m.value(), location));
            return;
        }
        LineSyntax.KeyValue kv = LineSyntax.keyValue(line);
        if (kv == null) {
            throw new ConfigException("line \"" + line + "\": expected key = value or " + example);
        }
        if (kv.key().equals("config")) {
            throw ConfigException.entry("config", kv.value(), "a configuration file cannot include another");
        }
        keyValue(kv.key(), unquote(kv.value().trim()), location);
    }

    private void keyValue(String key, String value, String location) throws ConfigException {
        String module = DEFAULT_MODULE;
        int dot = key.indexOf('.');
        if (dot > 0 && !key.startsWith(DEFAULT_MODULE + ".") && !modules.contains(key.substring(0, dot))) {
            throw ConfigException.entry(key, value, "module \"" + key.substring(0, dot) + "\" is not "
                    + oneOf(modules));
        }
        if (dot > 0) {
            module = key.substring(0, dot);
            key = key.substring(dot + 1);
        } else if (coreParameters.contains(key)) {
            module = CORE;
        }
        sink.accept(new Entry(module, key, value, location));
    }

    private static String oneOf(List<String> modules) {
        List<String> named = modules.stream().filter(m -> !m.equals(CORE)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " or " + named.get(named.size() - 1);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String describe(Exception e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }
}
