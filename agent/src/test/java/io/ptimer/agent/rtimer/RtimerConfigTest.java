package io.ptimer.agent.rtimer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.ConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtimerConfigTest {

    private static RtimerConfig parse(String args) throws ConfigException {
        RtimerConfig config = new RtimerConfig();
        ConfigReader.read(args, List.of("ptimer", "rtimer"), Set.of(), e -> {
            if (!e.module().equals("rtimer")) {
                throw e.error("not rtimer");
            }
            config.apply(e);
        });
        config.finish();
        return config;
    }

    @Test
    void theModulesOwnExampleReadsAsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rtimer.cfg");
        Files.write(file, List.of("# time interval set to 10 seconds",
                "modparam(\"rtimer\", \"timer\", \"name=ta;interval=10;mode=1;\")",
                "modparam(\"rtimer\", \"timer\", \"name=tb;interval=100000u;mode=1;\")",
                "modparam(\"rtimer\", \"exec\", \"timer=ta;route=com.example.Cache::purge\")",
                "modparam(\"rtimer\", \"exec\", \"timer=ta;route=com.example.Cache::report\")",
                "modparam(\"rtimer\", \"exec\", \"timer=tb;route=com.example.Cache::tick\")"));
        List<RtimerSpec> timers = parse("config=" + file).timers();
        RtimerSpec ta = timers.get(0);
        assertEquals("ta", ta.name());
        assertEquals(1, ta.effectiveMode());
        assertEquals(TimeUnit.SECONDS.toNanos(10), ta.intervalNanos());
        assertFalse(ta.micro());
        assertEquals(List.of("com.example.Cache::purge", "com.example.Cache::report"),
                ta.execs().stream().map(RouteSpec::display).toList());
        RtimerSpec tb = timers.get(1);
        assertEquals(TimeUnit.MILLISECONDS.toNanos(100), tb.intervalNanos());
        assertTrue(tb.micro());
    }

    @Test
    void defaultsAndUnitsFollowTheReference() throws Exception {
        String exec = ",rtimer.exec=timer=%s;route=a.B::c";
        List<RtimerSpec> timers = parse("rtimer.timer=name=a" + exec.formatted("a")
                + ",rtimer.timer=name=b;interval=0" + exec.formatted("b")
                + ",rtimer.default_interval=2500u"
                + ",rtimer.timer=name=c" + exec.formatted("c")
                + ",rtimer.timer=name=d;interval=20ms;mode=3" + exec.formatted("d")).timers();
        assertEquals(TimeUnit.SECONDS.toNanos(120), timers.get(0).intervalNanos(), "the reference's default");
        assertEquals(0, timers.get(0).effectiveMode());
        assertEquals(TimeUnit.SECONDS.toNanos(120), timers.get(1).intervalNanos(), "0 means the default");
        assertEquals(TimeUnit.MICROSECONDS.toNanos(2500), timers.get(2).intervalNanos());
        assertEquals(1, timers.get(2).effectiveMode(), "a microsecond interval with mode 0 gets a thread of its own");
        assertEquals(TimeUnit.MILLISECONDS.toNanos(20), timers.get(3).intervalNanos());
        assertEquals(3, timers.get(3).effectiveMode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rtimer.exec=timer=nope;route=a.B::c|rtimer.exec \"timer=nope;route=a.B::c\": unknown rtimer \"nope\" (no rtimer is defined before this entry)",
        "rtimer.timer=name=t|rtimer.timer \"name=t\": rtimer \"t\" has no exec route (add rtimer.exec=timer=t;route=...)",
        "rtimer.timer=name=t;mode=-1|rtimer.timer \"name=t;mode=-1\": mode must be an integer from 0 to 1024, not -1",
        "rtimer.timer=name=t;interval=ten|rtimer.timer \"name=t;interval=ten\": interval must be a whole number followed by s, ms or us",
        "rtimer.timer=name=t;interval=-5|rtimer.timer \"name=t;interval=-5\": interval must be > 0",
        "rtimer.timer=name=t;interval=5h|rtimer.timer \"name=t;interval=5h\": unknown unit \"h\" (use s, ms or us)",
        "rtimer.timer=name=t;colour=red|rtimer.timer \"name=t;colour=red\": unknown attribute \"colour\" (known: name, mode, interval)",
        "rtimer.timer=mode=1|rtimer.timer \"mode=1\": name is required",
        "rtimer.timer=name=a b|rtimer.timer \"name=a b\": name \"a b\" may use only letters, digits, '_', '.' and '-'",
        "rtimer.timers=name=t|rtimer.timers \"name=t\": unknown rtimer key \"timers\" (known: default_interval, timer, exec)",
        "rtimer.default_interval=0|rtimer.default_interval \"0\": default_interval must be > 0",
        "rtimer.timer=name=t,rtimer.exec=timer=t;route=a.B|rtimer.exec \"timer=t;route=a.B\": route must be com.example.Class::method; \"a.B\" names no method",
        "rtimer.timer=name=t,rtimer.exec=timer=t|rtimer.exec \"timer=t\": route is required",
        "rtimer.timer=name=t,rtimer.exec=timer=t;route=a.B::c;when=now|rtimer.exec \"timer=t;route=a.B::c;when=now\": unknown attribute \"when\" (known: timer, route)",
    })
    void everyBadEntryIsOneLineNamingIt(String args, String message) {
        assertEquals(message, assertThrows(ConfigException.class, () -> parse(args)).getMessage());
    }

    @Test
    void aNameIsUniqueAmongRtimers() {
        assertEquals("rtimer.timer \"name=t\": rtimer \"t\" is defined twice", assertThrows(ConfigException.class,
                () -> parse("rtimer.timer=name=t,rtimer.exec=timer=t;route=a.B::c,rtimer.timer=name=t")).getMessage());
    }
}
