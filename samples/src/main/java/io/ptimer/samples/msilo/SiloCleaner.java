package io.ptimer.samples.msilo;

import io.ptimer.api.TimerFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * msilo's {@code m_clean_silo(ticks, param)}, a core timer function with the {@link Silo} as its
 * parameter: deletes the messages whose delivery was confirmed, in batches of
 * {@value #MAX_DEL_KEYS} ids, counts the failed deliveries (their messages stay stored until they
 * expire), and, when {@code ticks % (checkTime * cleanPeriod) < checkTime}, deletes the expired
 * messages.
 */
final class SiloCleaner implements TimerFunction {
    static final int MAX_DEL_KEYS = 64;

    private final MessageList list;
    private final Checks checks;
    private final int checkTime;
    private final int cleanPeriod;

    SiloCleaner(MessageList list, Checks checks, int checkTime, int cleanPeriod) {
        this.list = list;
        this.checks = checks;
        this.checkTime = checkTime;
        this.cleanPeriod = cleanPeriod;
    }

    @Override
    public void run(long ticks, Object param) {
        Silo silo = (Silo) param;
        List<Integer> keys = new ArrayList<>();
        int delivered = 0;
        int failed = 0;
        for (MessageList.Replied p : list.reset()) {
            if (p.flag() == MessageList.Flag.DONE) {
                keys.add(p.mid());
                if (keys.size() == MAX_DEL_KEYS) {
                    delivered += silo.delete(keys);
                    keys.clear();
                }
            } else {
                failed++;
            }
        }
        delivered += silo.delete(keys);

        boolean clean = ticks % ((long) checkTime * cleanPeriod) < checkTime;
        long now = System.currentTimeMillis();
        int expired = clean ? silo.deleteExpired(now) : 0;
        Checks.Check check = new Checks.Check(ticks, Thread.currentThread().getName(), delivered, failed, clean,
                expired, silo.expired(now));
        checks.add(check);
        System.out.println(check.line());
    }
}
