package io.ptimer.agent.exec;

/**
 * The readable listings operators get from every system ({@code ptimer.list}, {@code rtimer.list},
 * {@code core.list}, {@code async.list}): a line per timer, {@code timer t: key=value ...}, with an
 * indented line per worker, thread or group, {@code   worker 0: key=value ...}. One builder per
 * listing, confined to the thread that lists.
 */
public final class ListingBuilder {
    private final StringBuilder text = new StringBuilder();
    private boolean open;

    /** Starts a timer's line with {@code head}, e.g. {@code rtimer ta:}. */
    public ListingBuilder line(String head) {
        end();
        text.append(head);
        open = true;
        return this;
    }

    /** Starts an indented line under the last timer's, e.g. {@code thread 0:}. */
    public ListingBuilder item(String head) {
        return line("  " + head);
    }

    /** Appends {@code key=value}. */
    public ListingBuilder field(String key, Object value) {
        text.append(' ').append(key).append('=').append(value);
        return this;
    }

    /** Appends {@code key=1} or {@code key=0}. */
    public ListingBuilder flag(String key, boolean value) {
        return field(key, value ? 1 : 0);
    }

    /** Appends a word, e.g. a thread's name or {@code (basic)} after a type. */
    public ListingBuilder word(String word) {
        text.append(' ').append(word);
        return this;
    }

    /** Appends {@code lateness_us=p50/p99/max (p50/p99/max)} of samples sorted ascending, in ns. */
    public ListingBuilder lateness(long[] sorted) {
        return lateness(Lateness.percentile(sorted, 50) / 1000, Lateness.percentile(sorted, 99) / 1000,
                Lateness.percentile(sorted, 100) / 1000);
    }

    /** Appends {@code lateness_us=p50/p99/max (p50/p99/max)}, in µs. */
    public ListingBuilder lateness(long p50Us, long p99Us, long maxUs) {
        return field("lateness_us", p50Us + "/" + p99Us + "/" + maxUs).word("(p50/p99/max)");
    }

    private void end() {
        if (open) {
            text.append('\n');
            open = false;
        }
    }

    /** The listing, every line ended; empty when nothing was listed. */
    @Override
    public String toString() {
        end();
        return text.toString();
    }
}
