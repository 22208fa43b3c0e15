/**
 * Reading configuration: agent arguments ({@code key=value,...}), {@code config=FILE} files with
 * {@code key = value} lines, Kamailio's {@code modparam("<module>", "key", value)} lines and its
 * core-parameter lines, all turned into {@link io.ptimer.agent.config.Entry entries} that know where
 * they were written. Each timer system reads its own entries with its own schema; what they
 * produce is immutable.
 *
 * <p>Threading rule: a configuration is read on the one thread that loads it (premain, agentmain);
 * nothing here is shared.
 */
package io.ptimer.agent.config;
