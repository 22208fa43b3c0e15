package io.ptimer.samples.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sample's options, {@code --name N} with N a whole number ≥ 1. A bad command line prints one
 * line naming the problem and ends the JVM with status 2.
 */
public final class SampleArgs {
    private final String sample;
    private final Map<String, Integer> values = new HashMap<>();

    private SampleArgs(String sample) {
        this.sample = sample;
    }

    /** Reads {@code args}, which may only hold the options {@code known} (names without {@code --}). */
    public static SampleArgs parse(String sample, String[] args, String... known) {
        SampleArgs parsed = new SampleArgs(sample);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!List.of(known).contains(name)) {
                parsed.fail("unknown argument \"" + args[i] + "\" (options: --" + String.join(" N, --", known) + " N)");
            }
            if (i + 1 >= args.length) {
                parsed.fail(args[i] + " needs a value");
            }
            try {
                int value = Integer.parseInt(args[i + 1]);
                if (value < 1) {
                    throw new NumberFormatException();
                }
                parsed.values.put(name, value);
            } catch (NumberFormatException e) {
                parsed.fail(args[i] + " needs a whole number ≥ 1, not \"" + args[i + 1] + "\"");
            }
        }
        return parsed;
    }

    /** The value of {@code --name}, or {@code fallback}. */
    public int get(String name, int fallback) {
        return values.getOrDefault(name, fallback);
    }

    private void fail(String message) {
        System.err.println(sample + ": " + message);
        System.exit(2);
    }
}
