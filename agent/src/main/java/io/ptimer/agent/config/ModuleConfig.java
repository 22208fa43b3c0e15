package io.ptimer.agent.config;

/** The schema of one module's entries: checks each as it comes, then what only the whole shows. */
public interface ModuleConfig {

    /** Applies one entry of this module. @throws ConfigException naming the entry */
    void apply(Entry entry) throws ConfigException;

    /** Checks what only the whole configuration shows. @throws ConfigException naming the entry */
    default void finish() throws ConfigException {
    }
}
