package io.ptimer.agent.cluster;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.Entry;
import io.ptimer.agent.config.Interval;
import io.ptimer.agent.config.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code cluster} entry: {@code name=C;bind=HOST:PORT;members=HOST:PORT,...} and optionally
 * {@code jar=PATH}, {@code clock_bound=5ms} and {@code spend_window=15ms}. Immutable.
 *
 * @param members          the voting members, as given
 * @param jar              the cluster jar's path as given, or {@code null} for the one beside the agent jar
 * @param clockBoundNanos  the largest clock offset to the leader, error included, at which this JVM still sends
 * @param spendWindowNanos how late in its step a loop may still spend the step's grant, and by when
 *                         its route should be done with it (the loop's deadline)
 * @param entry            the entry's value, for messages
 */
public record ClusterSpec(String name, String bind, List<String> members, String jar, long clockBoundNanos,
        long spendWindowNanos, String entry) {
    /** The most voting members: more only slow every commit down. */
    static final int MAX_MEMBERS = 7;
    public static final long DEFAULT_CLOCK_BOUND_NANOS = 5_000_000;
    public static final long DEFAULT_SPEND_WINDOW_NANOS = 15_000_000;
    /** The tightest clock bound: a probe's round trip on one machine takes some 100 µs. */
    static final long MIN_CLOCK_BOUND_NANOS = 100_000;
    static final long MAX_CLOCK_BOUND_NANOS = 1_000_000_000;
    static final long MIN_SPEND_WINDOW_NANOS = 1_000_000;

    public ClusterSpec {
        members = List.copyOf(members);
    }

    /** Whether this JVM votes: its {@code bind} is among the members. */
    public boolean voter() {
        return members.contains(bind);
    }

    /** Reads a {@code cluster} entry. */
    public static ClusterSpec parse(Entry e) throws ConfigException {
        String name = null;
        String bind = null;
        String members = null;
        String jar = null;
        long clockBound = DEFAULT_CLOCK_BOUND_NANOS;
        long spendWindow = DEFAULT_SPEND_WINDOW_NANOS;
        for (Map.Entry<String, String> attr : e.attributes().entrySet()) {
            String v = attr.getValue();
            switch (attr.getKey()) {
                case "name" -> name = v;
                case "bind" -> bind = v;
                case "members" -> members = v;
                case "jar" -> jar = v;
                case "clock_bound" -> clockBound = within(e, "clock_bound", v, MIN_CLOCK_BOUND_NANOS, MAX_CLOCK_BOUND_NANOS);
                case "spend_window" -> spendWindow = within(e, "spend_window", v, MIN_SPEND_WINDOW_NANOS, Long.MAX_VALUE);
                default -> throw e.error("unknown attribute \"" + attr.getKey()
                        + "\" (known: name, bind, members, jar, clock_bound, spend_window)");
            }
        }
        Names.require(name, e);
        if (bind == null) {
            throw e.error("bind=HOST:PORT is required: the address this JVM's cluster node listens on");
        }
        checkAddress(e, "bind", bind);
        if (members == null || members.isEmpty()) {
            throw e.error("members=HOST:PORT,... is required: the JVMs that vote, 3 or 5");
        }
        List<String> list = new ArrayList<>();
        for (String m : members.split(",", -1)) {
            String member = m.trim();
            checkAddress(e, "members", member);
            if (list.contains(member)) {
                throw e.error("members names " + member + " twice");
            }
            list.add(member);
        }
        if (list.size() % 2 == 0 || list.size() > MAX_MEMBERS) {
            throw e.error("members must name an odd number of voting JVMs, 3 or 5 (1 for a trial, at most "
                    + MAX_MEMBERS + "), not " + list.size());
        }
        if (jar != null && jar.isBlank()) {
            throw e.error("jar must name the cluster jar's path");
        }
        return new ClusterSpec(name, bind, list, jar, clockBound, spendWindow, e.value());
    }

    private static long within(Entry e, String what, String text, long min, long max) throws ConfigException {
        long nanos = Interval.parseNanos(text, reason -> e.error(what + " \"" + text + "\": " + reason));
        if (nanos < min || nanos > max) {
            throw e.error(what + " must be at least " + Interval.format(min)
                    + (max == Long.MAX_VALUE ? "" : " and at most " + Interval.format(max)) + ", not " + text);
        }
        return nanos;
    }

    private static void checkAddress(Entry e, String what, String address) throws ConfigException {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw e.error(what + " \"" + address + "\" must be HOST:PORT");
        }
        e.intIn(address.substring(colon + 1), what + " port", 1, 65535);
    }
}
