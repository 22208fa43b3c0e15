package io.ptimer.samples.async;

import io.ptimer.api.TkvEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code event_route[core:tkv]}: receives the events of {@code async_tkv_emit("8000", "call", ...)}
 * and counts them by type and key; the first of each is logged as
 * {@code xinfo("$atkv(type) / $atkv(key) / $atkv(val)")}.
 */
public final class CallEvents {
    static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private CallEvents() {
    }

    /** The event route named by {@code async_tkv_evcb}. */
    public static void tkv(TkvEvent e) {
        LongAdder n = COUNTS.computeIfAbsent(e.type() + " / " + e.key(), k -> new LongAdder());
        if (n.sum() == 0) {
            System.out.println("TKV     " + e.type() + " / " + e.key() + " / " + e.value() + " (" + e.group() + ", "
                    + Thread.currentThread().getName() + ")");
        }
        n.increment();
    }

    static long total() {
        return COUNTS.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
