package io.ptimer.agent.ptimer;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.ConfigReader;
import java.util.List;
import java.util.Set;

/** Reads agent arguments into the ptimer schema alone, as the engine would: without the engine-wide keys. */
final class Configs {
    private static final Set<String> ENGINE_KEYS = Set.of("shutdown_timeout", "late_binding");

    private Configs() {
    }

    static PtimerConfig parse(String args) throws ConfigException {
        PtimerConfig config = new PtimerConfig();
        ConfigReader.read(args, List.of(ConfigReader.DEFAULT_MODULE), Set.of(), e -> {
            if (!ENGINE_KEYS.contains(e.key())) {
                config.apply(e);
            }
        });
        config.finish();
        return config;
    }
}
