/**
 * The command line, {@code java -jar ptimer-agent.jar ...}, like Kamailio's {@code kamcmd}: one
 * class per command, talking to a JVM on this machine through the attach API and the JVM's local
 * management agent.
 *
 * <p>Threading rule: each command runs on the command's main thread and ends the process.
 *
 * <p>Internal to the agent, not an API: what is public here is public for the agent's other
 * packages only; {@code io.ptimer.api} is the only API.
 */
package io.ptimer.agent.cli;
