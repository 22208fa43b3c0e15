package io.ptimer.samples.sip;

import io.ptimer.samples.calls.BacklogRate;
import io.ptimer.samples.calls.Relayed;
import io.ptimer.samples.calls.WindowMeter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The proxy's own view of its relays: the most in any 1 s and 100 ms window, the rate while a
 * backlog existed, and the longest backlog as wall-clock times (to find it in the carrier's trace).
 * Meant for one thread, which feeds it the relays in time order.
 */
final class RelayMeter {
    private final WindowMeter second = new WindowMeter(1, TimeUnit.SECONDS);
    private final WindowMeter tenth = new WindowMeter(100, TimeUnit.MILLISECONDS);
    private final BacklogRate backlog = new BacklogRate(1.0);
    private long episodeStart = -1;
    private long episodeEnd;
    private long longestStart;
    private long longestEnd;
    private long first;

    void add(List<Relayed> relays) {
        for (Relayed r : relays) {
            if (first == 0) {
                first = r.nanos();
            }
            second.add(r.nanos());
            tenth.add(r.nanos());
            backlog.add(r);
            if (r.backlog()) {
                if (episodeStart < 0) {
                    episodeStart = r.nanos();
                }
                episodeEnd = r.nanos();
                if (episodeEnd - episodeStart > longestEnd - longestStart) {
                    longestStart = episodeStart;
                    longestEnd = episodeEnd;
                }
            } else {
                episodeStart = -1;
            }
        }
    }

    /** The most relays in any 100 ms window since the last call. */
    int most100msSinceLast() {
        return tenth.takeMaxSinceMark();
    }

    /**
     * The figures as {@code key=value} words, times as µs since the epoch (0 for none); ends the
     * backlog episode in progress.
     */
    String words() {
        backlog.close();
        return String.format(Locale.ROOT, "max_1s=%d max_100ms=%d backlog_rate=%.1f backlog_s=%.1f backlog_from_us=%d backlog_to_us=%d"
                + " first_relay_us=%d", second.max(), tenth.max(), backlog.lowest(), backlog.seconds(), epochMicros(longestStart),
                epochMicros(longestEnd), epochMicros(first));
    }

    private long epochMicros(long nanos) {
        return nanos == 0 ? 0 : WallClock.epochMicros(nanos);
    }
}
