package io.ptimer.cluster.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LedgerPropertiesTest {
    private static final int LIVE_STEPS = 4;
    /** The {@code ntasks} asks name and contracts set. */
    private static final Integer[] NTASKS = {50, 100};

    /** One thing that happens to the cluster: an ask, time passing, a leader change, a retry, a contract. */
    sealed interface Event permits AskEvent, Tick, LeaderChange, Retry, ContractEvent {
    }

    /**
     * Member {@code member} asks for {@code ahead} steps past now (negative: a late ask), its budget a
     * share of {@code ntasks}.
     */
    record AskEvent(int member, int loop, int ahead, int wants, int budget, int ntasks) implements Event {
    }

    /** An operator sets timer {@code t}'s {@code ntasks} for the cluster. */
    record ContractEvent(int ntasks) implements Event {
    }

    record Tick(int steps) implements Event {
    }

    /** A new leader takes over from the replicated state. */
    record LeaderChange() implements Event {
    }

    /** The last ask again, as a client retries after a leader change. */
    record Retry() implements Event {
    }

    @Provide
    Arbitrary<List<Event>> histories() {
        Arbitrary<Event> ask = Combinators.combine(
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(-80, 4),
                Arbitraries.integers().between(Ask.UNKNOWN, 15),
                Arbitraries.integers().between(0, 12),
                Arbitraries.of(NTASKS)).as(AskEvent::new);
        Arbitrary<Event> tick = Arbitraries.integers().between(1, 3).map(Tick::new);
        Arbitrary<Event> leader = Arbitraries.just(new LeaderChange());
        Arbitrary<Event> retry = Arbitraries.just(new Retry());
        Arbitrary<Event> contract = Arbitraries.of(NTASKS).map(ContractEvent::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, ask), net.jqwik.api.Tuple.of(3, tick),
                net.jqwik.api.Tuple.of(1, leader), net.jqwik.api.Tuple.of(2, retry), net.jqwik.api.Tuple.of(1, contract))
                .list().ofMinSize(1).ofMaxSize(400);
    }

    @Property(tries = 300)
    void grantsOfAStepNeverExceedItsBudget(@ForAll("histories") List<Event> history) throws IOException {
        Ledger ledger = new Ledger(LIVE_STEPS);
        Map<String, Integer> firstBudget = new HashMap<>();
        Map<String, Integer> sum = new HashMap<>();
        Map<String, Integer> made = new HashMap<>();
        Map<String, Long> newest = new HashMap<>();
        TreeMap<Long, Integer> contracts = new TreeMap<>();
        long now = 1000;
        Ask last = null;
        for (Event e : history) {
            Ask a = null;
            if (e instanceof AskEvent ev) {
                a = new Ask("m" + ev.member(), "t/" + ev.loop(), now + ev.ahead(), ev.budget(), ev.wants(), ev.ntasks());
            } else if (e instanceof ContractEvent c) {
                long from = ledger.contract("t", c.ntasks());
                for (long asked : newest.values()) {
                    assertTrue(from > asked, "a contract from step " + from + " after step " + asked + " was asked for");
                }
                contracts.put(from, c.ntasks());
                assertEquals(new Contract(c.ntasks(), from), ledger.contractOf("t/0"));
            } else if (e instanceof Tick t) {
                now += t.steps();
            } else if (e instanceof LeaderChange) {
                ledger = copy(ledger);
            } else if (last != null) {
                a = last;
            }
            if (a == null) {
                continue;
            }
            last = a;
            int grant = ledger.ask(a);
            String step = a.loop() + "@" + a.step();
            String key = a.member() + " " + step;
            assertTrue(grant >= 0, "negative grant");
            newest.merge(a.loop(), a.step(), Math::max);
            Map.Entry<Long, Integer> inForce = contracts.floorEntry(a.step());
            if (inForce != null && inForce.getValue() != a.ntasks()) {
                assertEquals(0, grant, key + " named ntasks " + a.ntasks() + " under a contract of " + inForce);
                continue;
            }
            Integer before = made.putIfAbsent(key, grant);
            if (before != null) {
                boolean forgotten = a.step() < newest.get(a.loop()) - Ledger.RETAIN;
                assertEquals(forgotten ? 0 : before.intValue(), grant, key + " asked again got another grant");
                continue;
            }
            assertTrue(a.wants() == Ask.UNKNOWN || grant <= a.wants(), key + " got " + grant + " wanting " + a.wants());
            firstBudget.putIfAbsent(step, a.budget());
            int total = sum.merge(step, grant, Integer::sum);
            assertTrue(total <= firstBudget.get(step), step + " granted " + total + " over its budget "
                    + firstBudget.get(step));
        }
    }

    @Property(tries = 100)
    void busyJvmsShareTheWholeBudgetEvenly(@ForAll @IntRange(min = 1, max = 5) int jvms,
            @ForAll @IntRange(min = 0, max = 40) int budget, @ForAll @Size(min = 30, max = 30) List<@IntRange(max = 1000) Integer> order) {
        Ledger ledger = new Ledger(LIVE_STEPS);
        for (long step = 0; step < 30; step++) {
            int total = 0;
            for (int i = 0; i < jvms; i++) {
                int m = (i + order.get((int) step)) % jvms;
                int grant = ledger.ask(new Ask("m" + m, "t/0", step, budget, Ask.UNKNOWN, 100));
                if (step > 0) {
                    assertTrue(Math.abs(grant - (double) budget / jvms) < 1, "m" + m + " got " + grant + " of " + budget);
                }
                total += grant;
            }
            assertEquals(budget, total, "step " + step);
        }
    }

    @Property(tries = 100)
    void anIdleJvmsPartGoesToTheBusyOnesAtTheNextStep(@ForAll @IntRange(min = 2, max = 5) int jvms,
            @ForAll @IntRange(min = 1, max = 40) int budget, @ForAll @IntRange(min = 1, max = 20) int idleFrom) {
        Ledger ledger = new Ledger(LIVE_STEPS);
        for (long step = 0; step < idleFrom + 5; step++) {
            boolean idle = step >= idleFrom;
            int busyTotal = 0;
            for (int m = 0; m < jvms; m++) {
                int wants = m == 0 && idle ? 0 : Ask.UNKNOWN;
                int grant = ledger.ask(new Ask("m" + m, "t/0", step, budget, wants, 100));
                if (m > 0) {
                    busyTotal += grant;
                }
                if (m == 0 && idle) {
                    assertEquals(0, grant);
                }
            }
            if (idle) {
                assertEquals(budget, busyTotal, "step " + step);
            }
        }
    }

    @Property(tries = 100)
    void aCrashedJvmsPartReturnsOnceItsLiveStepsHavePassed(@ForAll @IntRange(min = 2, max = 5) int jvms,
            @ForAll @IntRange(min = 3, max = 40) int budget) {
        Ledger ledger = new Ledger(LIVE_STEPS);
        long crash = 10;
        for (long step = 0; step < 30; step++) {
            int total = 0;
            for (int m = 0; m < jvms; m++) {
                if (m == 0 && step >= crash) {
                    continue;
                }
                total += ledger.ask(new Ask("m" + m, "t/0", step, budget, Ask.UNKNOWN, 100));
            }
            if (step > crash + LIVE_STEPS) {
                assertEquals(budget, total, "step " + step);
            }
        }
    }

    @Property(tries = 100)
    void aNewLeaderGrantsWhatTheOldOneWouldHave(@ForAll("histories") List<Event> history) throws IOException {
        List<Object> entries = new ArrayList<>();
        long now = 1000;
        for (Event e : history) {
            if (e instanceof AskEvent ev) {
                entries.add(new Ask("m" + ev.member(), "t/" + ev.loop(), now + ev.ahead(), ev.budget(), ev.wants(), ev.ntasks()));
            } else if (e instanceof ContractEvent c) {
                entries.add(c);
            } else if (e instanceof Tick t) {
                now += t.steps();
            }
        }
        Ledger old = new Ledger(LIVE_STEPS);
        int half = entries.size() / 2;
        for (Object entry : entries.subList(0, half)) {
            apply(old, entry);
        }
        Ledger successor = copy(old);
        List<Object> before = new ArrayList<>();
        List<Object> after = new ArrayList<>();
        for (Object entry : entries.subList(half, entries.size())) {
            before.add(apply(old, entry));
            after.add(apply(successor, entry));
        }
        assertEquals(before, after);
    }

    /** An ask's grant, or a contract's first step and the contract then told. */
    private static Object apply(Ledger ledger, Object entry) {
        if (entry instanceof Ask a) {
            return ledger.ask(a);
        }
        long from = ledger.contract("t", ((ContractEvent) entry).ntasks());
        return List.of(from, ledger.contractOf("t/1"));
    }

    private static Ledger copy(Ledger ledger) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ledger.writeTo(new DataOutputStream(bytes));
        Ledger next = new Ledger(LIVE_STEPS);
        next.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        return next;
    }
}
