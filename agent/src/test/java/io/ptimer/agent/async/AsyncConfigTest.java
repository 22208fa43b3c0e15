package io.ptimer.agent.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.ConfigReader;
import io.ptimer.agent.config.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The async module's entries and Kamailio's core parameters, as written in kamailio.cfg or as agent arguments. */
class AsyncConfigTest {
    private static final List<String> MODULES = List.of("ptimer", "async", ConfigReader.CORE);
    static final Set<String> CORE_PARAMETERS = Set.of("async_workers", "async_workers_group", "async_tkv_gname",
            "async_tkv_evcb");

    private static AsyncSpec read(String args) throws ConfigException {
        AsyncConfig config = new AsyncConfig();
        ConfigReader.read(args, MODULES, CORE_PARAMETERS, e -> {
            if (e.module().equals("ptimer")) {
                throw e.error("not an async entry");
            }
            config.apply(e);
        });
        config.finish();
        return config.spec();
    }

    private static String error(String args) {
        return assertThrows(ConfigException.class, () -> read(args)).getMessage();
    }

    @Test
    void kamailioLinesAsWrittenInKamailioCfg(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("async.cfg");
        Files.write(cfg, List.of("modparam(\"async\", \"workers\", 2)", "modparam(\"async\", \"ms_timer\", 10)",
                "async_workers=8", "async_workers_group=\"name=abc;workers=4;nonblock=0;usleep=0\"",
                "async_workers_group=\"name=tkv;workers=1;nonblock=1;usleep=100;queue=50\"",
                "async_tkv_gname=\"tkv\"", "async_tkv_evcb=\"com.example.Events::tkv\""));
        AsyncSpec spec = read("config=" + cfg);
        assertEquals(2, spec.timers());
        assertNull(spec.precision());
        assertEquals(io.ptimer.agent.exec.Precision.SLEEP, read("async.precision=sleep").precision());
        assertEquals(List.of(GroupSpec.byDefault(8), new GroupSpec("abc", 4, false, 0, 10_000, "name=abc;workers=4;nonblock=0;usleep=0"),
                new GroupSpec("tkv", 1, true, 100, 50, "name=tkv;workers=1;nonblock=1;usleep=100;queue=50")), spec.groups());
        assertEquals("tkv", spec.tkvGroup());
        assertEquals("com.example.Events::tkv", spec.tkvRoute().display());
        assertEquals(List.of(), spec.notes());
    }

    @Test
    void nothingGivenIsNotConfiguredAndReturnAndModeOnlySayTheyDoNothing() throws Exception {
        AsyncSpec none = read("");
        assertEquals(false, none.configured());
        assertEquals(0, none.timers());
        assertNull(none.tkvGroup());
        AsyncSpec spec = read("async.return=1,async.mode=1");
        assertEquals(true, spec.configured());
        assertEquals(List.of("ptimer: async.return has no meaning on the JVM; ignored",
                "ptimer: async.mode has no meaning on the JVM; ignored"), spec.notes());
    }

    @Test
    void everyBadEntryIsNamedWithItsValue() {
        assertEquals("async.workers \"0\": workers must be an integer from 1 to 1024, not 0", error("async.workers=0"));
        assertEquals("async.ms_timer \"-1\": ms_timer must be an integer >= 0, not -1", error("async.ms_timer=-1"));
        assertEquals("async.precision \"fast\": precision must be sleep, hybrid or spin", error("async.precision=fast"));
        assertEquals("async.mode \"2\": mode must be an integer from 0 to 1, not 2", error("async.mode=2"));
        assertEquals("async.timers \"1\": unknown key \"timers\" (known: workers, ms_timer, precision, return, mode)", error("async.timers=1"));
        assertEquals("async_workers \"0\": async_workers must be an integer from 1 to 1024, not 0", error("async_workers=0"));
        assertEquals("async_workers_group \"workers=2\": name is required", error("async_workers_group=workers=2"));
        assertEquals("async_workers_group \"name=a b\": name \"a b\" may use only letters, digits, '_', '.' and '-'",
                error("async_workers_group=name=a b"));
        assertEquals("async_workers_group \"name=g;workers=0\": workers must be an integer from 1 to 1024, not 0",
                error("async_workers_group=name=g;workers=0"));
        assertEquals("async_workers_group \"name=g;nonblock=2\": nonblock must be an integer from 0 to 1, not 2",
                error("async_workers_group=name=g;nonblock=2"));
        assertEquals("async_workers_group \"name=g;usleep=-5\": usleep must be an integer >= 0, not -5",
                error("async_workers_group=name=g;usleep=-5"));
        assertEquals("async_workers_group \"name=g;queue=0\": queue must be an integer from 1 to 10000000, not 0",
                error("async_workers_group=name=g;queue=0"));
        assertEquals("async_workers_group \"name=g;size=3\": unknown attribute \"size\" (known: name, workers, nonblock,"
                + " usleep, queue)", error("async_workers_group=name=g;size=3"));
        assertEquals("async_workers_group \"name=default\": async group \"default\" is defined twice",
                error("async_workers=2,async_workers_group=name=default"));
        assertEquals("async_tkv_gname \"nope\": no async group \"nope\" (groups: abc)",
                error("async_workers_group=name=abc,async_tkv_gname=nope"));
        assertEquals("async_tkv_evcb \"Events.tkv\": route must be com.example.Class::method; \"Events.tkv\" names no"
                + " method", error("async_tkv_evcb=Events.tkv"));
        assertEquals("async_tkv_gname \"a/b\": group name may use only letters, digits, '_', '.' and '-'",
                error("async_tkv_gname=a/b"));
    }

    @Test
    void coreParametersOutsideTheTaskFrameworkAreUnknown() throws Exception {
        AsyncConfig config = new AsyncConfig();
        ConfigException e = assertThrows(ConfigException.class,
                () -> config.apply(new Entry(ConfigReader.CORE, "children", "8", null)));
        assertEquals("children \"8\": unknown core parameter \"children\" (known: async_workers, async_workers_group,"
                + " async_tkv_gname, async_tkv_evcb)", e.getMessage());
    }
}
