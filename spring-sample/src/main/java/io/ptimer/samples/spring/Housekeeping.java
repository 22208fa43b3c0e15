package io.ptimer.samples.spring;

import io.ptimer.samples.calls.CallQueue;

/**
 * A route of {@code housekeeping}: once a second, says how many calls wait. The call queue is
 * injected; nothing in the application refers to this class.
 */
public class Housekeeping {
    private final CallQueue callQueue;

    public Housekeeping(CallQueue callQueue) {
        this.callQueue = callQueue;
    }

    public void loop() {
        System.out.println("housekeeping: " + callQueue.size() + " calls wait in " + callQueue.name());
    }
}
