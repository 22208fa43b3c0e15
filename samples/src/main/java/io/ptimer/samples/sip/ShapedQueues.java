package io.ptimer.samples.sip;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which call queues a shaper drains, and so which queue a new call joins: the queue named like
 * the customer's From domain if one is shaped (per-customer shaping), else the global
 * {@value #GLOBAL}. A call that no shaper would ever take is refused at once instead of waiting
 * for its timeout.
 */
final class ShapedQueues {
    static final String GLOBAL = "call_queue";
    private static final Set<String> SHAPED = ConcurrentHashMap.newKeySet();

    private ShapedQueues() {
    }

    /** Called by a shaper before it first drains {@code queue}. */
    static void shape(String queue) {
        SHAPED.add(queue);
    }

    /** The queue for a call from {@code fromDomain}, or {@code null} if no shaper takes it. */
    static String forDomain(String fromDomain) {
        if (fromDomain != null && SHAPED.contains(fromDomain)) {
            return fromDomain;
        }
        return SHAPED.contains(GLOBAL) ? GLOBAL : null;
    }

    /** The shaped queues, for the start-up line. */
    static Set<String> names() {
        return Set.copyOf(SHAPED);
    }
}
