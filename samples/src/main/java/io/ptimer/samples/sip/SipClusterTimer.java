package io.ptimer.samples.sip;

import io.ptimer.api.TimerContext;
import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.shaping.LateRelays;
import io.ptimer.samples.shaping.Shaper;
import java.time.Duration;

/**
 * The routes of the shaping timer when several proxies share the carrier's contract (cluster
 * mode). Each loop tells the cluster how many calls wait in {@code call_queue} (its demand, so an
 * idle proxy's share goes to the busy ones) and relays the calls this JVM was granted for the
 * step until the loop's deadline, the end of the step's spend window: a call not sent by then
 * stays queued.
 *
 * <p>No proxy sees what the others send, so nothing here can hold back a second that would hold
 * too many; what keeps the carrier's windows is time. The sends of step {@code k} all fall within
 * the spend window (15 ms) and the clock offset (at most 5 ms either way) of the step's start. The
 * start route stretches the interval by {@link #MARGIN} per second (100 ms becomes 107 ms), so ten
 * steps span 1.07 s and a carrier's second of arrivals meets at most ten steps as long as arrivals
 * lag their sends by no more than 70 ms − 15 ms − 10 ms = 45 ms more than each other. Nearly three
 * times the margin of the one-proxy sample ({@link SipQueueTimer}), whose window guard sees every
 * send: here the busy test machine runs three or four proxies and five SIPp processes.
 * {@code -Dsip.cluster.margin.ms=N} changes it.
 *
 * <p>On such a machine a relay that began before the deadline is now and then held up while it
 * sends, up to 70 ms and more, where the carrier reads an INVITE within about 12 ms of its send.
 * A relay that completes more than {@link #LATE} after the deadline is paid back ({@link
 * LateRelays}): the next loop leaves one more of its grant unspent. That leaves 70 − 15 − 10 − 10 =
 * 35 ms for the network and the carrier.
 */
public class SipClusterTimer {
    static final Duration MARGIN = Duration.ofMillis(Long.getLong("sip.cluster.margin.ms", 70));
    /** How long after its loop's deadline a relay may complete without being paid back. */
    static final Duration LATE = Duration.ofMillis(10);
    private final LateRelays late = new LateRelays();
    private Shaper shaper;
    private CallQueue queue;

    public void start(TimerContext ctx) {
        shaper = SipQueueTimer.shaper(ctx, ShapedQueues.GLOBAL, MARGIN);
        queue = CallQueue.named(ShapedQueues.GLOBAL);
    }

    public void loop(TimerContext ctx) {
        ctx.backlog(queue.size());
        long deadline = ctx.deadline();
        late.owe(shaper.relay(late.spendable(ctx.tasks()), deadline, deadline + LATE.toNanos()));
    }
}
