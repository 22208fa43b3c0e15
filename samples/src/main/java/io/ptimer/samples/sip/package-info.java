/**
 * A SIP proxy that shapes real calls (ptimer §6.1 on a real SIP stack, JAIN-SIP over UDP), and the
 * demo that floods it with SIPp and measures what the carrier receives.
 *
 * <p>{@link io.ptimer.samples.sip.ShapingProxy} answers every new INVITE with {@code 100 Trying} and
 * parks it in a call queue ({@code t_suspend} + {@code mq_add}); the loop route of a ptimer timer
 * ({@link io.ptimer.samples.sip.SipQueueTimer}, {@link io.ptimer.samples.sip.SipCustomerTimer}) or,
 * for comparison, a Guava {@code RateLimiter} ({@link io.ptimer.samples.sip.GuavaRelay}) relays the
 * queued INVITEs upstream ({@code mq_fetch} + {@code t_continue} + {@code t_relay}). Responses and
 * in-dialog requests pass through both ways. A call that waits longer than the queue timeout is
 * answered {@code 503}. {@link io.ptimer.samples.sip.SipDemo} runs the whole demo.
 *
 * <p>Several proxies can share one carrier contract (cluster mode): their loop route
 * ({@link io.ptimer.samples.sip.SipClusterTimer}) tells its backlog and relays its JVM's grant;
 * {@link io.ptimer.samples.sip.SipClusterDemo} runs three of them, each flooded by its own SIPp,
 * kills and adds proxies during the flood ({@link io.ptimer.samples.sip.ClusterProxy}) and measures
 * the carrier's arrivals ({@link io.ptimer.samples.sip.ClusterReport}).
 *
 * <p>Threading: the SIP stack's threads, the timer's workers and the queue-timeout thread share only
 * the call queues, the table of suspended calls and the counters, all safe for concurrent use; a
 * suspended call is taken out of that table exactly once, by whichever thread relays or answers it.
 * Every thread this package starts is a daemon.
 */
package io.ptimer.samples.sip;
