package io.ptimer.samples.msilo;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * msilo's {@code msg_list}: the stored messages sent to users who came online, each flagged when
 * its reply comes ({@code MS_MSG_DONE} for a 2xx, {@code MS_MSG_ERRO} otherwise). Thread-safe.
 */
final class MessageList {
    enum Flag { SENT, DONE, ERROR }

    /** A message whose reply came. */
    record Replied(int mid, Flag flag) {
    }

    private final Map<Integer, Flag> messages = new LinkedHashMap<>();

    synchronized void sent(int mid) {
        messages.put(mid, Flag.SENT);
    }

    synchronized void replied(int mid, boolean ok) {
        messages.replace(mid, ok ? Flag.DONE : Flag.ERROR);
    }

    /** {@code msg_list_reset}: takes the messages whose reply came out of the list and returns them. */
    synchronized List<Replied> reset() {
        List<Replied> replied = new ArrayList<>();
        for (Iterator<Map.Entry<Integer, Flag>> i = messages.entrySet().iterator(); i.hasNext(); ) {
            Map.Entry<Integer, Flag> e = i.next();
            if (e.getValue() != Flag.SENT) {
                replied.add(new Replied(e.getKey(), e.getValue()));
                i.remove();
            }
        }
        return replied;
    }
}
