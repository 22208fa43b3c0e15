package io.ptimer.samples.shaping;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The relays of a cluster-shared loop that went out too late in their step, and the tasks of the
 * loops after them that pay them back. The proxies keep a carrier's seconds by time alone: the
 * sends of a step must reach the carrier within the margin the step was stretched by. A relay that
 * completes far past its loop's deadline (its thread held up while it sent) may reach the carrier
 * in a second with ten full steps after it; leaving one granted task of the next loop unspent for
 * each such relay keeps that second within the budget, since the next loop's step lies in every
 * second that holds both the late relay and the ten steps after it. Meant for the one worker
 * thread that relays; the totals are the process's.
 */
public final class LateRelays {
    private static final AtomicLong LATE = new AtomicLong();
    private static final AtomicLong PAID = new AtomicLong();

    private int owed;

    /** The part of {@code granted} this loop may spend: the grant less the tasks still owed. */
    public int spendable(int granted) {
        int pay = Math.min(owed, Math.max(granted, 0));
        owed -= pay;
        PAID.addAndGet(pay);
        return granted - pay;
    }

    /** Records {@code late} relays of this loop that completed too late: the next loops owe them. */
    public void owe(int late) {
        if (late > 0) {
            owed += late;
            LATE.addAndGet(late);
        }
    }

    /** Tasks owed and not yet paid back. */
    public int owed() {
        return owed;
    }

    /** Relays of this process that completed too late in their step. */
    public static long late() {
        return LATE.get();
    }

    /** Tasks of this process left unspent to pay late relays back. */
    public static long paidBack() {
        return PAID.get();
    }
}
