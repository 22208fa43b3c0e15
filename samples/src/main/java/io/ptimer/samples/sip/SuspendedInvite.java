package io.ptimer.samples.sip;

import io.ptimer.samples.calls.PendingCall;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/**
 * A customer's INVITE transaction from {@code 100 Trying} to its final response: parked in a
 * queue, then relayed upstream ({@link #relay}) or answered here. Its final response is sent once.
 */
final class SuspendedInvite {
    private final SipProxy proxy;
    private final ServerTransaction customer;
    private final Request request;
    private final PendingCall call = new PendingCall();
    private final AtomicBoolean finalSent = new AtomicBoolean();
    private volatile ClientTransaction upstream;

    SuspendedInvite(SipProxy proxy, ServerTransaction customer, Request request) {
        this.proxy = proxy;
        this.customer = customer;
        this.request = request;
    }

    PendingCall call() {
        return call;
    }

    ServerTransaction customer() {
        return customer;
    }

    Request request() {
        return request;
    }

    /** The upstream transaction once relayed, else {@code null}. */
    ClientTransaction upstream() {
        return upstream;
    }

    void relayedAs(ClientTransaction transaction) {
        upstream = transaction;
    }

    /** Relays the INVITE upstream and returns when ({@link System#nanoTime()}). */
    long relay(boolean backlog) {
        return proxy.relay(this, backlog);
    }

    void answerQueueTimeout() {
        proxy.answerQueueTimeout(this);
    }

    /** {@code true} for the first final response only; the caller then sends it. */
    boolean claimFinal() {
        return finalSent.compareAndSet(false, true);
    }
}
