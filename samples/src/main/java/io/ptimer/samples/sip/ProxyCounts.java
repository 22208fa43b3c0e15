package io.ptimer.samples.sip;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What became of the calls the proxy was offered. Every new INVITE ends in exactly one of:
 * completed (a 2xx went back), rejected upstream (a final error response went back), or answered
 * here with an error (queue timeout, no shaper, cancelled, upstream silent). Safe for any thread.
 */
final class ProxyCounts {
    final AtomicLong offered = new AtomicLong();
    final AtomicLong relayed = new AtomicLong();
    final AtomicLong completed = new AtomicLong();
    final AtomicLong rejectedUpstream = new AtomicLong();
    final AtomicLong queueTimeout = new AtomicLong();
    final AtomicLong noShaper = new AtomicLong();
    final AtomicLong cancelled = new AtomicLong();
    final AtomicLong upstreamTimeout = new AtomicLong();
    final AtomicLong retransmissions = new AtomicLong();

    /** Calls answered with an error, here or upstream. */
    long errors() {
        return rejectedUpstream.get() + queueTimeout.get() + noShaper.get() + cancelled.get() + upstreamTimeout.get();
    }

    /** Calls offered that have no final answer yet. */
    long open() {
        return offered.get() - completed.get() - errors();
    }

    /** The counts as {@code key=value} words. */
    String words() {
        return "offered=" + offered + " relayed=" + relayed + " completed=" + completed + " errors=" + errors()
                + " queue_timeout=" + queueTimeout + " no_shaper=" + noShaper + " cancelled=" + cancelled
                + " upstream_timeout=" + upstreamTimeout + " rejected_upstream=" + rejectedUpstream
                + " open=" + open() + " invite_retransmissions=" + retransmissions;
    }
}
