package io.ptimer.samples.queuecontrol;

import io.ptimer.api.TimerContext;
import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.calls.PendingCall;
import io.ptimer.samples.calls.Upstream;

/**
 * The routes of {@code normal_timer} and {@code holiday_timer}. Each start route chooses where the
 * worker relays ({@code $var(relay)}, here a field: the worker's state); the shared loop route,
 * Kamailio's {@code HANDLE_QUEUE}, relays every call waiting in {@code call_queue} there.
 */
public class QueueHandler {
    static final String PSTN = "sip:1.1.1.1:5060";
    static final String IVR = "sip:9.9.9.9:5060";

    private String relay;

    /** {@code NORMAL_QUEUE_START}: business hours go to the PSTN gateway. */
    public void normalStart() {
        relay = PSTN;
    }

    /**
     * {@code HOLIDAY_QUEUE_START}: holidays go to the IVR. Kamailio's version returns -1 so that the
     * timer idles until {@code continue}; here the timer has {@code autostart=0} instead, because a
     * worker that ran its end route is only woken by {@code start} or {@code loop}.
     */
    public void holidayStart() {
        relay = IVR;
    }

    /** {@code HANDLE_QUEUE}: relays as many calls as were waiting when the loop began. */
    public void handle(TimerContext ctx) {
        CallQueue queue = CallQueue.named("call_queue");
        Upstream upstream = Upstream.named("relay");
        int waiting = queue.size();
        for (int i = 0; i < waiting; i++) {
            PendingCall call = queue.fetch();
            if (call != null) {
                upstream.relay(call, relay, queue.size() > 0);
            }
        }
    }
}
