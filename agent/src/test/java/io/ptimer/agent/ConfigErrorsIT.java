package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ptimer.agent.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad configuration stops the JVM before main with exit status 2 and one line on stderr. */
class ConfigErrorsIT {
    private static final String HOSTS = "io.ptimer.agent.hosts.";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "timer=name=t1;interval=0,loop=timer=t1;route=" + HOSTS + "Jobs::loop"
                + "|ptimer: timer \"name=t1;interval=0\": interval must be > 0",
        "timer=name=t1;type=7,loop=timer=t1;route=" + HOSTS + "Jobs::loop"
                + "|ptimer: timer \"name=t1;type=7\": type must be an integer from 0 to 3 (0 basic, 1 sync, 2 slice, 3 synced slice), not 7",
        "timer=name=t1"
                + "|ptimer: timer \"name=t1\": timer \"t1\" has no loop route (add loop=timer=t1;route=...)",
        "timer=name=t1,loop=timer=t1;route=" + HOSTS + "Jobz::loop"
                + "|ptimer: loop \"timer=t1;route=" + HOSTS + "Jobz::loop\": class " + HOSTS + "Jobz not found (its package io.ptimer.agent.hosts is on the class path)",
        "late_binding=0,timer=name=t1,loop=timer=t1;route=com.nowhere.Jobs::loop"
                + "|ptimer: loop \"timer=t1;route=com.nowhere.Jobs::loop\": class com.nowhere.Jobs is not visible to the system class loader (late_binding=0)",
        "timer=name=t1,loop=timer=t1;route=" + HOSTS + "Jobs::lop"
                + "|ptimer: loop \"timer=t1;route=" + HOSTS + "Jobs::lop\": " + HOSTS + "Jobs has no public method lop",
        "timer=name=t1,loop=timer=t1;route=" + HOSTS + "Forms$Wrong::hidden"
                + "|ptimer: loop \"timer=t1;route=" + HOSTS + "Forms$Wrong::hidden\": " + HOSTS + "Forms$Wrong has no public method hidden (hidden exists but is not public)",
        "timer=name=t1,loop=timer=t1;route=" + HOSTS + "Forms$Wrong::returnsLong"
                + "|ptimer: loop \"timer=t1;route=" + HOSTS + "Forms$Wrong::returnsLong\": " + HOSTS + "Forms$Wrong::returnsLong must return void, int or boolean, not long",
        "timer=name=t1,loop=timer=t1;route=" + HOSTS + "Forms$Wrong::takesString"
                + "|ptimer: loop \"timer=t1;route=" + HOSTS + "Forms$Wrong::takesString\": " + HOSTS + "Forms$Wrong::takesString must take () or (io.ptimer.api.TimerContext), found void takesString(java.lang.String)",
        "timer=name=t1,loop=timer=t1;route=" + HOSTS + "Forms$NoDefaultConstructor::loop"
                + "|ptimer: loop \"timer=t1;route=" + HOSTS + "Forms$NoDefaultConstructor::loop\": " + HOSTS + "Forms$NoDefaultConstructor has no public no-argument constructor, needed for the instance method loop (or have a route factory of the application make it: timer attribute factory=required)",
        "timer=name=t1,loop=timer=t1;route=" + HOSTS + "Forms$NotARoute"
                + "|ptimer: loop \"timer=t1;route=" + HOSTS + "Forms$NotARoute\": " + HOSTS + "Forms$NotARoute does not implement io.ptimer.api.Route (or name a method: " + HOSTS + "Forms$NotARoute::method)",
        "timer=name=t1,loop=timer=t1;route=" + HOSTS + "Jobs:loop"
                + "|ptimer: loop \"timer=t1;route=" + HOSTS + "Jobs:loop\": route must be com.example.Class::method or a class implementing io.ptimer.api.Route; \"" + HOSTS + "Jobs:loop\" is not a class name",
    })
    void stopsBeforeMainWithOneLine(String args, String message) throws Exception {
        ChildJvm.Result r = new ChildJvm().agent(args)
                .run(Duration.ofSeconds(60), HOSTS + "Host");
        assertEquals(2, r.exit(), r::toString);
        assertEquals(message, r.stderr().strip(), r::toString);
        assertEquals(1, r.stderr().strip().lines().count(), r::toString);
        assertFalse(r.stdout().contains("MAIN started"), r::toString);
    }

    @Test
    void fileErrorsNameTheFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ptimer.cfg");
        Files.writeString(file, "modparam(\"ptimer\", \"timer\", \"name=t1;interval=10ous\")\n");
        ChildJvm.Result r = new ChildJvm().agent("config=" + file).run(Duration.ofSeconds(60), HOSTS + "Host");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ptimer: " + file + ":1: timer \"name=t1;interval=10ous\": unknown unit \"ous\" (use s, ms or us)",
                r.stderr().strip());
    }
}
