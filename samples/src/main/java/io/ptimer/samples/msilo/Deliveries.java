package io.ptimer.samples.msilo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The application's side of msilo, one step at a time: each step stores a message for a user who
 * never comes online (it expires) and two for a user who comes online at the next step, when both
 * are sent; their replies come a step later, one in {@value #FAILING} failed. Confined to the
 * application's thread.
 */
final class Deliveries {
    static final int FAILING = 5;

    private final Silo silo;
    private final MessageList list;
    private final long expiresMillis;
    private final Deque<List<Integer>> stored = new ArrayDeque<>();
    private final Deque<List<Integer>> sent = new ArrayDeque<>();
    private final List<Integer> confirmed = new ArrayList<>();
    private long messages;
    private long failed;

    Deliveries(Silo silo, MessageList list, long expiresMillis) {
        this.silo = silo;
        this.list = list;
        this.expiresMillis = expiresMillis;
    }

    void step(int k) {
        long now = System.currentTimeMillis();
        silo.store("sip:carol@example.net", "sip:away-" + k + "@example.net", "are you there?", now, expiresMillis);
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            mine.add(silo.store("sip:carol@example.net", "sip:user-" + k + "@example.net", "message " + i, now,
                    expiresMillis));
        }
        messages += 3;
        replies();
        if (!stored.isEmpty()) {
            List<Integer> online = stored.poll();
            online.forEach(list::sent);
            sent.add(online);
        }
        stored.add(mine);
    }

    /** The replies to the messages sent at the last step. */
    private void replies() {
        if (sent.isEmpty()) {
            return;
        }
        for (int mid : sent.poll()) {
            boolean ok = mid % FAILING != 0;
            list.replied(mid, ok);
            if (ok) {
                confirmed.add(mid);
            } else {
                failed++;
            }
        }
    }

    /** Takes the replies still due, at the end of the run. */
    void finish() {
        replies();
    }

    long messages() {
        return messages;
    }

    long failed() {
        return failed;
    }

    /** The messages whose delivery was confirmed. */
    List<Integer> confirmed() {
        return confirmed;
    }
}
