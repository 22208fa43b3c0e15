package io.ptimer.samples.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A demo's report: its lines, its figures as {@code key=value} words, and whether every row with a
 * bound held.
 */
abstract class Report {
    private final String format;
    private final List<String> lines = new ArrayList<>();
    private final List<String> words = new ArrayList<>();
    private boolean held = true;

    /** @param labelWidth the width of the label column; {@code boundWidth} that of the bound column */
    Report(int labelWidth, int boundWidth) {
        this.format = "  %-" + labelWidth + "s %22s  %-" + boundWidth + "s %s";
    }

    /**
     * A row; one with a bound ({@code "<= 100"}) says {@code ok} or {@code FAILED} and counts
     * towards {@link #held()}, one with none or a bound in parentheses only informs.
     */
    final void row(String label, String value, String bound, boolean ok) {
        boolean checked = !bound.isEmpty() && !bound.startsWith("(");
        lines.add(String.format(Locale.ROOT, format, label, value, bound, checked ? ok ? "ok" : "FAILED" : ""));
        held &= !checked || ok;
    }

    /** A row with an aim rather than a bound: says {@code ok} or {@code below the aim}, and counts for nothing. */
    final void aim(String label, String value, String aim, boolean ok) {
        lines.add(String.format(Locale.ROOT, format, label, value, aim, ok ? "ok" : "below the aim"));
    }

    final void line(String line) {
        lines.add(line);
    }

    final void words(String figures) {
        words.add(figures);
    }

    final boolean held() {
        return held;
    }

    final List<String> lines() {
        return lines;
    }

    /** The figures as {@code key=value} words. */
    final String words() {
        return String.join(" ", words);
    }

    /** A figure among {@code words}, rounded; -1 when it is missing or not a number. */
    static long num(Map<String, String> words, String key) {
        try {
            return Math.round(Double.parseDouble(words.getOrDefault(key, "-1")));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
