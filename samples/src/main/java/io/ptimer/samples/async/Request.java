package io.ptimer.samples.async;

/**
 * A SIP request as the demo sees it: its number, From and To users ({@code $fU}, {@code $tU}) and
 * when it arrived ({@link System#nanoTime()}).
 */
record Request(int id, String from, String to, long arrived) {

    /** Milliseconds since the request arrived. */
    double ageMillis() {
        return (System.nanoTime() - arrived) / 1e6;
    }
}
