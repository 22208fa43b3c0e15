package io.ptimer.agent.ptimer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.cluster.ClusterSpec;
import io.ptimer.agent.config.ConfigException;
import io.ptimer.agent.config.Interval;
import io.ptimer.agent.exec.Precision;
import io.ptimer.api.TimerType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PtimerConfigTest {

    private static final String LOOP = ",loop=timer=t1;route=com.example.Jobs::tick";

    @Test
    void timerTakesDefaultsFromTheReferenceCode() throws Exception {
        PtimerSpec t = single("timer=name=t1" + LOOP);
        assertEquals("t1", t.name());
        assertEquals(TimerType.BASIC, t.type());
        assertEquals(TimeUnit.SECONDS.toNanos(1), t.intervalNanos());
        assertEquals(1, t.nworkers());
        assertEquals(0, t.ntasks());
        assertEquals(1, t.nslices());
        assertEquals(Precision.HYBRID, t.precision());
        assertTrue(t.autostart());
        assertNull(t.route(Phase.START));
        assertEquals("com.example.Jobs", t.route(Phase.LOOP).className());
        assertEquals("tick", t.route(Phase.LOOP).methodName());
    }

    @Test
    void everyAttributeIsRead() throws Exception {
        PtimerSpec t = single("timer=name=q.t-1;type=3;interval=100us;nworkers=8;ntasks=1000;nslices=80;"
                + "precision=spin;autostart=0;,loop=timer=q.t-1;route=a.B");
        assertEquals(TimerType.SYNCED_SLICE, t.type());
        assertEquals(100_000, t.intervalNanos());
        assertEquals(8, t.nworkers());
        assertEquals(1000, t.ntasks());
        assertEquals(80, t.nslices());
        assertEquals(Precision.SPIN, t.precision());
        assertFalse(t.autostart());
        assertNull(t.route(Phase.LOOP).methodName());
    }

    @Test
    void threadAutoGivesAFewTimersThreadsAndManyTimersOfCustomersTheSharedLanes() throws Exception {
        PtimerConfig few = Configs.parse(timers(16, "interval=100ms"));
        assertTrue(few.timers().stream().noneMatch(PtimerSpec::sharedThread), "16 workers keep threads of their own");

        StringBuilder many = new StringBuilder(timers(17, "interval=100ms"));
        many.append(",timer=name=fast;interval=1ms,loop=timer=fast;route=x.Y::z")
                .append(",timer=name=spun;interval=100ms;precision=spin,loop=timer=spun;route=x.Y::z")
                .append(",timer=name=mine;interval=100ms;thread=own,loop=timer=mine;route=x.Y::z")
                .append(",timer=name=auto;interval=10ms;thread=auto,loop=timer=auto;route=x.Y::z");
        PtimerConfig c = Configs.parse(many.toString());
        Map<String, Boolean> shared = new HashMap<>();
        c.timers().forEach(t -> shared.put(t.name(), t.sharedThread()));
        assertTrue(shared.get("c0") && shared.get("c16") && shared.get("auto"), "many timers of 10 ms and more: " + shared);
        assertFalse(shared.get("fast"), "a timer below 10 ms keeps its threads");
        assertFalse(shared.get("spun"), "precision=spin keeps its threads");
        assertFalse(shared.get("mine"), "thread=own is kept");
        ConfigException e = assertThrows(ConfigException.class,
                () -> Configs.parse("timer=name=a;thread=some,loop=timer=a;route=x.Y::z"));
        assertEquals("timer \"name=a;thread=some\": thread must be auto, own or shared, not \"some\"", e.getMessage());
    }

    private static String timers(int n, String attributes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("timer=name=c").append(i).append(';').append(attributes)
                    .append(",loop=timer=c").append(i).append(";route=x.Y::z");
        }
        return b.toString();
    }

    @Test
    void defaultsApplyToTheTimersAfterThem() throws Exception {
        PtimerConfig c = Configs.parse("timer=name=a" + ",loop=timer=a;route=x.Y::z"
                + ",default_type=1,default_interval=10ms,default_nworkers=3"
                + ",timer=name=b,loop=timer=b;route=x.Y::z");
        PtimerSpec a = c.timers().get(0);
        PtimerSpec b = c.timers().get(1);
        assertEquals(TimerType.BASIC, a.type());
        assertEquals(1, a.nworkers());
        assertEquals(TimerType.SYNC, b.type());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(10), b.intervalNanos());
        assertEquals(3, b.nworkers());
    }

    @ParameterizedTest
    @CsvSource({"300,300000000000", "10s,10000000000", "100ms,100000000", "100us,100000", "1,1000000000"})
    void intervalUnits(String text, long nanos) {
        assertEquals(nanos, Interval.parseNanos(text));
    }

    @Test
    void seedConfigurationFileIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ptimer.cfg");
        Files.writeString(file, String.join("\n",
                "# the ptimer module documentation's own lines",
                "modparam(\"ptimer\", \"default_type\", 1)",
                "modparam(\"ptimer\", \"default_interval\", 100ms)",
                "modparam(\"ptimer\", \"default_nworkers\", 8) # a trailing comment, as kamailio.cfg allows",
                "",
                "modparam(\"ptimer\", \"timer\", \"name=queue_timer;type=3;interval=100ms;nworkers=8;ntasks=1000;nslices=80\")",
                "modparam(\"ptimer\", \"start\", \"timer=queue_timer;route=com.example.Queue::start\")",
                "modparam(\"ptimer\", \"loop\", \"timer=queue_timer;route=com.example.Queue::loop\")",
                "timer = \"name=t2;ntasks=25\"",
                "loop = timer=t2;route=com.example.Queue::loop",
                "end=timer=t2;route=com.example.Queue::end",
                "shutdown_timeout = 2s"));
        PtimerConfig c = Configs.parse("config=" + file);
        assertEquals(2, c.timers().size());
        PtimerSpec q = c.timers().get(0);
        assertEquals(TimerType.SYNCED_SLICE, q.type());
        assertEquals(80, q.nslices());
        assertEquals("com.example.Queue::start", q.route(Phase.START).display());
        PtimerSpec t2 = c.timers().get(1);
        assertEquals(TimerType.SYNC, t2.type());
        assertEquals(8, t2.nworkers());
        assertEquals(100_000_000, t2.intervalNanos());
        assertEquals("com.example.Queue::end", t2.route(Phase.END).display());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "timer=name=t1;interval=0" + LOOP + "|timer \"name=t1;interval=0\": interval must be > 0",
        "timer=name=t1;interval=-5ms" + LOOP + "|timer \"name=t1;interval=-5ms\": interval must be > 0",
        "timer=name=t1;interval=10ous" + LOOP + "|timer \"name=t1;interval=10ous\": unknown unit \"ous\" (use s, ms or us)",
        "timer=name=t1;interval=fast" + LOOP + "|timer \"name=t1;interval=fast\": interval must be a whole number followed by s, ms or us",
        "default_interval=0|default_interval \"0\": interval must be > 0",
        "timer=type=1" + LOOP + "|timer \"type=1\": name is required",
        "timer=name=a b" + LOOP + "|timer \"name=a b\": name \"a b\" may use only letters, digits, '_', '.' and '-'",
        "timer=name=t1,timer=name=t1|timer \"name=t1\": timer \"t1\" is defined twice",
        "timer=name=t1,loop=timer=t9;route=a.B::c|loop \"timer=t9;route=a.B::c\": unknown timer \"t9\" (defined before this entry: t1)",
        "loop=timer=t1;route=a.B::c|loop \"timer=t1;route=a.B::c\": unknown timer \"t1\" (no timer is defined before this entry)",
        "timer=name=t1" + LOOP + ",loop=timer=t1;route=a.B::c|loop \"timer=t1;route=a.B::c\": timer \"t1\" has a loop route already (com.example.Jobs::tick)",
        "timer=name=t1|timer \"name=t1\": timer \"t1\" has no loop route (add loop=timer=t1;route=...)",
        "timer=name=t1;intervall=1s" + LOOP + "|timer \"name=t1;intervall=1s\": unknown attribute \"intervall\" (known: name, type, interval, nworkers, ntasks, nslices, precision, autostart, overrun, factory, jfr_late, cluster, thread)",
        "timer=name=t1;factory=maybe" + LOOP + "|timer \"name=t1;factory=maybe\": factory must be required or optional, not \"maybe\"",
        "timer=name=t1;type=7" + LOOP + "|timer \"name=t1;type=7\": type must be an integer from 0 to 3 (0 basic, 1 sync, 2 slice, 3 synced slice), not 7",
        "timer=name=t1;nworkers=0" + LOOP + "|timer \"name=t1;nworkers=0\": nworkers must be an integer from 1 to 1024, not 0",
        "timer=name=t1;nslices=0" + LOOP + "|timer \"name=t1;nslices=0\": nslices must be an integer >= 1, not 0",
        "timer=name=t1;ntasks=-1" + LOOP + "|timer \"name=t1;ntasks=-1\": ntasks must be an integer >= 0, not -1",
        "timer=name=t1;ntasks=many" + LOOP + "|timer \"name=t1;ntasks=many\": ntasks must be an integer >= 0, not \"many\"",
        "timer=name=t1;precision=exact" + LOOP + "|timer \"name=t1;precision=exact\": precision must be sleep, hybrid or spin",
        "timer=name=t1;name=t2" + LOOP + "|timer \"name=t1;name=t2\": attribute \"name\" is given twice",
        "timer=name=t1;interval" + LOOP + "|timer \"name=t1;interval\": attribute \"interval\" must be name=value",
        "default_type=4|default_type \"4\": type must be an integer from 0 to 3 (0 basic, 1 sync, 2 slice, 3 synced slice), not 4",
        "default_nworkers=0|default_nworkers \"0\": default_nworkers must be an integer from 1 to 1024, not 0",
        "defualt_type=1|defualt_type \"1\": unknown key \"defualt_type\" (known: default_type, default_interval, default_nworkers, timer, start, loop, end, shutdown_timeout, late_binding, cluster, config)",
        "timer=name=t1;cluster=c" + LOOP + "|timer \"name=t1;cluster=c\": cluster=c shares a budget of tasks, so it needs a slice type (type=2 or 3), not type 0",
        "timer=name=t1;type=3;cluster=c" + LOOP + "|timer \"name=t1;type=3;cluster=c\": cluster \"c\" is not defined (add cluster=name=c;bind=HOST:PORT;members=HOST:PORT,...)",
        "cluster=name=d;bind=127.0.0.1:1;members=127.0.0.1:1,timer=name=t1;type=3;cluster=c" + LOOP + "|timer \"name=t1;type=3;cluster=c\": cluster \"c\" is not defined (the cluster is \"d\")",
        "cluster=name=c;bind=127.0.0.1:1;members=127.0.0.1:1,cluster=name=d;bind=127.0.0.1:2;members=127.0.0.1:2|cluster \"name=d;bind=127.0.0.1:2;members=127.0.0.1:2\": a cluster is defined already (\"name=c;bind=127.0.0.1:1;members=127.0.0.1:1\"): one per JVM",
        "cluster=name=c;bind=localhost;members=127.0.0.1:1|cluster \"name=c;bind=localhost;members=127.0.0.1:1\": bind \"localhost\" must be HOST:PORT",
        "cluster=name=c;bind=127.0.0.1:70000;members=127.0.0.1:1|cluster \"name=c;bind=127.0.0.1:70000;members=127.0.0.1:1\": bind port must be an integer from 1 to 65535, not 70000",
        "cluster=name=c;bind=127.0.0.1:1|cluster \"name=c;bind=127.0.0.1:1\": members=HOST:PORT,... is required: the JVMs that vote, 3 or 5",
        "cluster=bind=127.0.0.1:1;members=127.0.0.1:1|cluster \"bind=127.0.0.1:1;members=127.0.0.1:1\": name is required",
        "cluster=name=c;bind=127.0.0.1:1;members=127.0.0.1:1;port=2|cluster \"name=c;bind=127.0.0.1:1;members=127.0.0.1:1;port=2\": unknown attribute \"port\" (known: name, bind, members, jar, clock_bound, spend_window)",
        "cluster=name=c;bind=127.0.0.1:1;members=127.0.0.1:1;clock_bound=50us|cluster \"name=c;bind=127.0.0.1:1;members=127.0.0.1:1;clock_bound=50us\": clock_bound must be at least 100us and at most 1s, not 50us",
        "cluster=name=c;bind=127.0.0.1:1;members=127.0.0.1:1;spend_window=soon|cluster \"name=c;bind=127.0.0.1:1;members=127.0.0.1:1;spend_window=soon\": spend_window \"soon\": interval must be a whole number followed by s, ms or us",
        "cluster=name=c;bind=127.0.0.1:1;members=127.0.0.1:1;spend_window=20ms,timer=name=t1;type=3;interval=20ms;cluster=c" + LOOP + "|timer \"name=t1;type=3;interval=20ms;cluster=c\": the interval 20ms must be longer than cluster \"c\"'s spend_window 20ms: a step's sends must end before the next step",
        "verbose|entry \"verbose\": expected key=value",
        "timer=name=t1,loop=timer=t1|loop \"timer=t1\": route is required",
        "timer=name=t1,loop=route=a.B::c|loop \"route=a.B::c\": timer is required",
        "timer=name=t1,loop=timer=t1;route=a.B::c;every=1|loop \"timer=t1;route=a.B::c;every=1\": unknown attribute \"every\" (known: timer, route)",
        "timer=name=t1,loop=timer=t1;route=a.B:c|loop \"timer=t1;route=a.B:c\": route must be com.example.Class::method or a class implementing io.ptimer.api.Route; \"a.B:c\" is not a class name",
        "timer=name=t1,loop=timer=t1;route=a.B::|loop \"timer=t1;route=a.B::\": route must be com.example.Class::method or a class implementing io.ptimer.api.Route; \"\" is not a method name",
        "timer=name=t1,loop=timer=t1;route=ROUTE_LOOP()|loop \"timer=t1;route=ROUTE_LOOP()\": route must be com.example.Class::method or a class implementing io.ptimer.api.Route; \"ROUTE_LOOP()\" is not a class name",
    })
    void errorsNameTheEntryTheValueAndTheReason(String args, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.parse(args));
        assertEquals(message, e.getMessage());
    }

    @Test
    void fileErrorsSayWhereTheLineIs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.cfg");
        Files.writeString(file, "# comment\nmodparam(\"ptimer\", \"timer\", \"name=t1;interval=0\")\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.parse("config=" + file));
        assertEquals(file + ":2: timer \"name=t1;interval=0\": interval must be > 0", e.getMessage());
    }

    @Test
    void otherModulesAndBrokenLinesAreErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.cfg");
        Files.writeString(file, "modparam(\"mqueue\", \"mqueue\", \"name=call_queue\")\n");
        assertEquals(file + ":1: line \"modparam(\"mqueue\", \"mqueue\", \"name=call_queue\")\": module \"mqueue\" is not ptimer",
                assertThrows(ConfigException.class, () -> Configs.parse("config=" + file)).getMessage());
        Files.writeString(file, "modparam(\"ptimer\", \"timer\"\n");
        assertTrue(assertThrows(ConfigException.class, () -> Configs.parse("config=" + file)).getMessage()
                .endsWith(": expected modparam(\"ptimer\", \"key\", \"value\")"));
    }

    @Test
    void missingFileIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.parse("config=/nonexistent/p.cfg"));
        assertTrue(e.getMessage().startsWith("config \"/nonexistent/p.cfg\": cannot read the file (no such file)"),
                e.getMessage());
    }

    @Test
    void emptyArgumentsMeanNoTimers() throws Exception {
        assertTrue(Configs.parse(null).timers().isEmpty());
        assertTrue(Configs.parse("").timers().isEmpty());
    }

    private static PtimerSpec single(String args) throws ConfigException {
        PtimerConfig c = Configs.parse(args);
        assertEquals(1, c.timers().size());
        return c.timers().get(0);
    }

    @Test
    void aClusterEntryNamesItsVotersAndATimerSharesItsBudget(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cluster.cfg");
        Files.writeString(file, "modparam(\"ptimer\", \"cluster\", \"name=carrier;bind=127.0.0.1:7803;"
                + "members=127.0.0.1:7800,127.0.0.1:7801,127.0.0.1:7802;jar=lib/ptimer-cluster.jar\")\n"
                + "modparam(\"ptimer\", \"timer\", \"name=q;type=3;ntasks=100;nslices=10;cluster=carrier\")\n"
                + "modparam(\"ptimer\", \"loop\", \"timer=q;route=com.example.Jobs::tick\")\n");
        PtimerConfig c = Configs.parse("config=" + file);
        ClusterSpec cluster = c.cluster();
        assertEquals("carrier", cluster.name());
        assertEquals(List.of("127.0.0.1:7800", "127.0.0.1:7801", "127.0.0.1:7802"), cluster.members());
        assertEquals("lib/ptimer-cluster.jar", cluster.jar());
        assertEquals(false, cluster.voter(), "a JVM whose bind is not among the members takes part without a vote");
        assertEquals("carrier", c.timers().get(0).cluster());
        assertEquals(5_000_000, cluster.clockBoundNanos(), "the clock bound by default");
        assertEquals(15_000_000, cluster.spendWindowNanos(), "the spend window by default");
        ClusterSpec tight = Configs.parse("cluster=name=c;bind=127.0.0.1:1;members=127.0.0.1:1;clock_bound=1500us;"
                + "spend_window=5ms").cluster();
        assertEquals(1_500_000, tight.clockBoundNanos());
        assertEquals(5_000_000, tight.spendWindowNanos());
        Files.writeString(file, "modparam(\"ptimer\", \"cluster\", \"name=carrier;bind=127.0.0.1:7800;"
                + "members=127.0.0.1:7800,127.0.0.1:7801\")\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.parse("config=" + file));
        assertTrue(e.getMessage().endsWith("members must name an odd number of voting JVMs, 3 or 5 (1 for a trial, at most 7), not 2"),
                e.getMessage());
    }
}
