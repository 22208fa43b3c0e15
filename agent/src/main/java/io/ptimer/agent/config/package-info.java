/**
 * Reading configuration: agent arguments ({@code key=value,...}), {@code config=FILE} files with
 * {@code key = value} lines, Kamailio's {@code modparam("<module>", "key", value)} lines and its
 * core-parameter lines, all turned into {@link io.ptimer.agent.config.Entry entries} that know where
 * they were written. Each timer system reads its own entries with its own schema; what they
 * produce is immutable.
 *
 * <p>Threading rule: a configuration is read on the one thread that loads it (premain, agentmain);
 * nothing here is shared.
 *
 * <p>Internal to the agent, not an API: what is public here is public for the agent's other
 * packages only. The jar is on the bootstrap class path, so host code could reach it, but nothing
 * here is kept stable for the host; {@code io.ptimer.api} is the only API.
 */
package io.ptimer.agent.config;
