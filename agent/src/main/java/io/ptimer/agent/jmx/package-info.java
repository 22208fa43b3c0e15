/**
 * The JMX face of the engine: the manager MBean {@code io.ptimer:type=PTimer} (Kamailio's RPC
 * commands one to one), one MBean class per timer system, their open-type attributes and
 * notifications. Registered on the platform MBean server; no port is opened.
 *
 * <p>Threading rule: MBeans are called on JMX's threads and only read volatile figures or send
 * requests to the systems, which are thread-safe; notifications are delivered on the one
 * {@code ptimer-notifications} daemon thread, never on a timer's thread.
 */
package io.ptimer.agent.jmx;
