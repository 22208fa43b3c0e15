package io.ptimer.agent.ptimer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.api.TimerType;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the parser and of the slice formula, over generated inputs. */
class PtimerConfigPropertiesTest {

    @Property
    void slicesSumToNtasksAndEachIsWithinOneOfTheMean(@ForAll @IntRange(min = 0, max = 2_000_000) int ntasks,
                                                      @ForAll @IntRange(min = 1, max = 5_000) int nslices) {
        long sum = 0;
        for (int i = 0; i < nslices; i++) {
            int share = Slices.share(i, ntasks, nslices);
            assertTrue(Math.abs(share - (double) ntasks / nslices) < 1, () -> "slice share off by 1 or more");
            sum += share;
        }
        assertEquals(ntasks, sum);
    }

    @Property
    void validTimersReadBackExactly(@ForAll("names") String name, @ForAll @IntRange(min = 0, max = 3) int type,
                                    @ForAll @LongRange(min = 1, max = 100_000) long amount,
                                    @ForAll("units") String unit, @ForAll @IntRange(min = 1, max = 1024) int nworkers,
                                    @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int ntasks,
                                    @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int nslices) throws Exception {
        String entry = "name=" + name + ";type=" + type + ";interval=" + amount + unit + ";nworkers=" + nworkers
                + ";ntasks=" + ntasks + ";nslices=" + nslices;
        PtimerConfig c = Configs.parse("timer=" + entry + ",loop=timer=" + name + ";route=a.B::c");
        PtimerSpec t = c.timers().get(0);
        assertEquals(name, t.name());
        assertEquals(TimerType.of(type), t.type());
        long nanos = switch (unit) {
            case "", "s" -> TimeUnit.SECONDS.toNanos(amount);
            case "ms" -> TimeUnit.MILLISECONDS.toNanos(amount);
            default -> TimeUnit.MICROSECONDS.toNanos(amount);
        };
        assertEquals(nanos, t.intervalNanos());
        assertEquals(nworkers, t.nworkers());
        assertEquals(ntasks, t.ntasks());
        assertEquals(nslices, t.nslices());
        assertEquals(entry, t.entry());
    }

    @Property(tries = 2000)
    void anyInputIsEitherAcceptedOrRejectedWithOneLine(@ForAll("noise") String args) {
        try {
            Configs.parse(args);
        } catch (ConfigException e) {
            assertFalse(e.getMessage().isBlank());
            assertFalse(e.getMessage().contains("\n") && !args.contains("\n"), e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars('_', '.', '-').ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> units() {
        return Arbitraries.of("", "s", "ms", "us");
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> words = Arbitraries.of("timer", "loop", "start", "end", "default_type", "default_interval",
                "default_nworkers", "name", "type", "interval", "nworkers", "ntasks", "nslices", "route", "t1",
                "a.B::c", "=", ";", ",", "1", "0", "-1", "10ms", "10ous", "99999999999999", "precision", "spin",
                "autostart", "late_binding", "shutdown_timeout", " ", "::", "x");
        return words.list().ofMaxSize(25).map(l -> String.join("", l));
    }
}
