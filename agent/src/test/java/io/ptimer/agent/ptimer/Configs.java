package io.ptimer.agent.ptimer;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.ConfigReader;
import java.util.List;

/** Reads agent arguments into the ptimer schema alone, as the engine would. */
final class Configs {
    private Configs() {
    }

    static PtimerConfig parse(String args) throws ConfigException {
        PtimerConfig config = new PtimerConfig();
        ConfigReader.read(args, List.of(ConfigReader.DEFAULT_MODULE), config::apply);
        config.finish();
        return config;
    }
}
