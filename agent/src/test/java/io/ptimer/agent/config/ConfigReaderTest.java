package io.ptimer.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries from arguments and files reach the module that owns them, in order, with their location. */
class ConfigReaderTest {
    private static final List<String> MODULES = List.of("ptimer", "rtimer", "async", ConfigReader.CORE);
    private static final Set<String> CORE_PARAMETERS = Set.of("async_workers", "async_workers_group");

    private static List<Entry> read(String args) throws ConfigException {
        List<Entry> entries = new ArrayList<>();
        ConfigReader.read(args, MODULES, CORE_PARAMETERS, entries::add);
        return entries;
    }

    @Test
    void prefixesNameTheModuleAndBareKeysArePtimers() throws Exception {
        assertEquals(List.of(new Entry("ptimer", "timer", "name=a", null),
                        new Entry("rtimer", "timer", "name=b;mode=1", null),
                        new Entry("ptimer", "default_type", "1", null),
                        new Entry("async", "workers", "2", null),
                        new Entry(ConfigReader.CORE, "async_workers", "4", null)),
                read("timer=name=a,rtimer.timer=name=b;mode=1,ptimer.default_type=1,async.workers=2,async_workers=4"));
    }

    @Test
    void fileLinesOfEveryFormKeepTheirLocation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("k.cfg");
        Files.write(file, List.of("# comment", "", "modparam(\"rtimer\", \"timer\", \"name=ta;interval=10;mode=1\")",
                "modparam(\"rtimer\", \"exec\", \"timer=ta;route=a.B::c\") # trailing", "async_workers_group=\"name=reg;workers=2\"",
                "rtimer.default_interval = 5", "modparam(\"ptimer\", \"default_nworkers\", 3)"));
        String f = file.toString();
        assertEquals(List.of(new Entry("rtimer", "timer", "name=ta;interval=10;mode=1", f + ":3"),
                        new Entry("rtimer", "exec", "timer=ta;route=a.B::c", f + ":4"),
                        new Entry(ConfigReader.CORE, "async_workers_group", "name=reg;workers=2", f + ":5"),
                        new Entry("rtimer", "default_interval", "5", f + ":6"),
                        new Entry("ptimer", "default_nworkers", "3", f + ":7")),
                read("config=" + file));
    }

    @Test
    void anErrorOfAFileEntryNamesItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.cfg");
        Files.write(file, List.of("timer = name=a", "modparam(\"mqueue\", \"mqueue\", \"name=q\")"));
        assertEquals(file + ":2: line \"modparam(\"mqueue\", \"mqueue\", \"name=q\")\": module \"mqueue\" is not ptimer,"
                + " rtimer or async", assertThrows(ConfigException.class, () -> read("config=" + file)).getMessage());
        ConfigException refused = assertThrows(ConfigException.class, () -> ConfigReader.read("config=" + file, MODULES, CORE_PARAMETERS,
                e -> {
                    throw e.error("refused");
                }));
        assertEquals(file + ":1: timer \"name=a\": refused", refused.getMessage());
    }

    @Test
    void anUnknownModulePrefixIsAnError() {
        assertEquals("mqueue.size \"3\": module \"mqueue\" is not ptimer, rtimer or async",
                assertThrows(ConfigException.class, () -> read("mqueue.size=3")).getMessage());
        assertEquals("mqueue.size \"3\": module \"mqueue\" is not ptimer",
                assertThrows(ConfigException.class, () -> ConfigReader.read("mqueue.size=3", List.of("ptimer"), Set.of(),
                        e -> { })).getMessage());
    }
}
