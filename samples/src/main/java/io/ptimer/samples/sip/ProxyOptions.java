package io.ptimer.samples.sip;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The shaping proxy's command line: {@code --listen HOST:PORT --upstream HOST:PORT
 * [--queue-timeout SECONDS] [--shaper ptimer|guava] [--rate CPS] [--relay-log FILE]}. {@code --rate}
 * is the Guava limiter's rate; with {@code ptimer} the rate is the timer configuration's.
 * {@code --relay-log} names the file the proxy writes each relayed INVITE's Call-ID and time to
 * ({@link RelayLog}); {@code null} for none.
 */
record ProxyOptions(Endpoint listen, Endpoint upstream, Duration queueTimeout, String shaper, int rate, Path relayLog) {
    static final String USAGE = "usage: ShapingProxy --listen HOST:PORT --upstream HOST:PORT"
            + " [--queue-timeout SECONDS] [--shaper ptimer|guava] [--rate CPS] [--relay-log FILE]";

    /** @throws Endpoint.BadOption naming the option that cannot be used */
    static ProxyOptions parse(String... args) {
        Endpoint listen = null;
        Endpoint upstream = null;
        Duration timeout = Duration.ofSeconds(30);
        String shaper = "ptimer";
        int rate = 100;
        Path relayLog = null;
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new Endpoint.BadOption(option.startsWith("--") ? option + " needs a value" : "unexpected \"" + option + "\"; " + USAGE);
            }
            String value = args[i + 1];
            switch (option) {
                case "--listen" -> listen = Endpoint.parse(option, value);
                case "--upstream" -> upstream = Endpoint.parse(option, value);
                case "--queue-timeout" -> timeout = Duration.ofMillis(Math.round(positive(option, value) * 1000));
                case "--shaper" -> {
                    if (!value.equals("ptimer") && !value.equals("guava")) {
                        throw new Endpoint.BadOption("--shaper \"" + value + "\": expected ptimer or guava");
                    }
                    shaper = value;
                }
                case "--rate" -> rate = (int) Math.round(positive(option, value));
                case "--relay-log" -> relayLog = Path.of(value);
                default -> throw new Endpoint.BadOption("unknown option \"" + option + "\"; " + USAGE);
            }
        }
        if (listen == null || upstream == null) {
            throw new Endpoint.BadOption((listen == null ? "--listen" : "--upstream") + " is required; " + USAGE);
        }
        return new ProxyOptions(listen, upstream, timeout, shaper, rate, relayLog);
    }

    private static double positive(String option, String value) {
        try {
            double v = Double.parseDouble(value);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Endpoint.BadOption(option + " \"" + value + "\": expected a number > 0");
    }
}
