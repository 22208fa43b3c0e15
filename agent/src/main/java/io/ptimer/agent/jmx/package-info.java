/**
 * The JMX face of the engine: the manager MBean {@code io.ptimer:type=PTimer} (Kamailio's RPC
 * commands one to one), one MBean class per timer system, their open-type attributes and
 * notifications. Registered on the platform MBean server once the host, the JVM's connector or a
 * JMX client has made it: the agent never makes it ({@link io.ptimer.agent.jmx.PlatformServer}); no
 * port is opened.
 *
 * <p>Threading rule: MBeans are called on JMX's threads and only read volatile figures or send
 * requests to the systems, which are thread-safe; registration runs on the agent's own daemon thread
 * ({@code ptimer-start} or {@code ptimer-jmx}) and, for core timers registered later, on the
 * registering thread; notifications are delivered on the one
 * {@code ptimer-notifications} daemon thread, never on a timer's thread.
 *
 * <p>Internal to the agent, not an API: what is public here is public for the agent's other
 * packages only; {@code io.ptimer.api} is the only API.
 */
package io.ptimer.agent.jmx;
